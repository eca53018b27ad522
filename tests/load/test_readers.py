"""Readers on real files from ../shared/data/activities, and on small hand-written XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from stridewell.load import ReadError
from stridewell.load.readers import read_fit, read_gpx, read_tcx

PF = "python-fitparse/tests/files"


def fit(activities: Path, rel: str):  # type: ignore[no-untyped-def]
    return read_fit((activities / rel).read_bytes(), source=rel)


def test_fenix2_run_gives_distance_time_cadence_and_local_offset(activities: Path) -> None:
    (s,) = fit(activities, f"{PF}/activity-small-fenix2-run.fit").sessions
    assert s.sport == "running"
    assert s.distance_m == pytest.approx(9008.22)
    assert s.moving_s == 2832.0
    assert s.cadence_spm == 162  # 81 strides/min doubled to steps/min
    assert s.utc_offset_min == 120 and s.start.tzinfo is not None
    assert s.ascent_m == 64


def test_truncated_sigma_file_keeps_the_ride_read_before_the_break(activities: Path) -> None:
    out = fit(activities, f"{PF}/nick.fit")
    (s,) = out.sessions
    assert s.distance_km > 100
    assert any("ends early" in n for n in out.notes)
    assert any("14391 track points" in n for n in out.notes)


def test_strava_file_with_undefined_message_is_salvaged_with_its_session(activities: Path) -> None:
    out = fit(activities, f"{PF}/strava-android-app-201.10-b1218918.fit")
    (s,) = out.sessions
    assert s.sport == "running" and s.distance_km == pytest.approx(11.3, abs=0.1)
    assert "corrupt" in out.notes[0]


def test_bad_file_checksum_is_read_and_noted(activities: Path) -> None:
    out = fit(activities, f"{PF}/activity-filecrc.fit")
    assert out.sessions
    assert "checksum" in out.notes[0]


def test_chained_triathlon_file_gives_one_session_per_leg(activities: Path) -> None:
    out = fit(activities, f"{PF}/sample_mulitple_header.fit")
    assert [s.sport for s in out.sessions] == [
        "swimming", "transition", "cycling", "transition", "running"]
    assert [s.index for s in out.sessions] == [0, 1, 2, 3, 4]


def test_developer_fields_do_not_stop_the_run_being_read(activities: Path) -> None:
    (s,) = fit(activities, f"{PF}/developer-types-sample.fit").sessions
    assert s.sport == "running" and s.distance_km == pytest.approx(6.8, abs=0.1)


def test_old_header_crc_zero_file_reads(activities: Path) -> None:
    (s,) = fit(activities, f"{PF}/2013-02-06-12-11-14.fit").sessions
    assert s.sport == "running" and s.distance_km == pytest.approx(4.8, abs=0.1)


@pytest.mark.parametrize(("rel", "reason"), [
    (f"{PF}/Settings.fit", "type 'settings' holds no activity"),
    (f"{PF}/WorkoutRepeatSteps.fit", "type 'workout' holds no activity"),
    (f"{PF}/compressed-speed-distance.fit", "no calendar date"),
    ("muktihari-fit/testdata/valid_only_contain_fileid.fit", "covers no time"),
])
def test_fit_without_an_activity_is_rejected_with_a_specific_reason(
        activities: Path, rel: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        fit(activities, rel)


def test_empty_and_foreign_bytes_are_rejected() -> None:
    with pytest.raises(ReadError, match="empty file"):
        read_fit(b"")
    with pytest.raises(ReadError, match="not a FIT file"):
        read_fit(b"<gpx>not fit at all</gpx>")


def test_treadmill_tcx_without_positions_still_counts() -> None:
    xml = b"""  <?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
 xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
<Activities><Activity Sport="Running"><Id>2025-03-03T07:00:00Z</Id>
<Lap StartTime="2025-03-03T07:00:00Z"><TotalTimeSeconds>1800</TotalTimeSeconds>
<DistanceMeters>5000</DistanceMeters><AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>
<Track>
<Trackpoint><Time>2025-03-03T07:00:00Z</Time><HeartRateBpm><Value>130</Value></HeartRateBpm>
<Extensions><ns3:TPX><ns3:RunCadence>85</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
<Trackpoint><Time>2025-03-03T07:30:00Z</Time><HeartRateBpm><Value>150</Value></HeartRateBpm>
<Extensions><ns3:TPX><ns3:RunCadence>87</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
</Track></Lap></Activity></Activities></TrainingCenterDatabase>"""
    (s,) = read_tcx(xml).sessions
    assert (s.sport, s.distance_m, s.moving_s, s.avg_hr) == ("running", 5000, 1800, 140)
    assert s.cadence_spm == 172  # mean of 85 and 87 strides/min, doubled


def test_real_tcx_run_reads(activities: Path) -> None:
    data = (activities / "python-tcxparser/tests/files/no_hr.tcx").read_bytes()
    (s,) = read_tcx(data).sessions
    assert s.sport == "running" and s.distance_km == pytest.approx(4.69, abs=0.01)


def test_gpx_with_bom_undeclared_prefix_and_garmin_extension_gives_hr_and_cadence() -> None:
    xml = ("\ufeff<?xml version='1.0'?><gpx version='1.1'><trk><type>running</type><trkseg>"
           "<trkpt lat='46.0' lon='14.0'><time>2025-03-03T07:00:00Z</time><extensions>"
           "<gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad>"
           "</gpxtpx:TrackPointExtension></extensions></trkpt>"
           "<trkpt lat='46.01' lon='14.0'><time>2025-03-03T07:10:00Z</time><extensions>"
           "<gpxdata:hr>140</gpxdata:hr><gpxdata:cadence>90</gpxdata:cadence></extensions>"
           "</trkpt></trkseg></trk></gpx>").encode()
    (s,) = read_gpx(xml).sessions
    assert s.sport == "running" and s.moving_s == 600
    assert s.distance_m == pytest.approx(1112, abs=2)  # 0.01 deg of latitude
    assert s.avg_hr == 130 and s.cadence_spm == 170


@pytest.mark.parametrize(("rel", "reason"), [
    ("gpxpy/test_files/route.gpx", "route only"),
    ("gpxpy/test_files/track-with-extremes.gpx", "no times"),
    ("gpxpy/test_files/cerknicko-without-times.gpx", "only 5 of 296"),
    ("gpxpy/test_files/unicode_with_bom.gpx", "without track points"),
])
def test_gpx_that_is_not_a_recording_is_rejected_with_a_reason(
        activities: Path, rel: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_gpx((activities / rel).read_bytes())


def test_fit_cut_at_60pct_keeps_the_run_up_to_the_cut(activities: Path) -> None:
    data = (activities / f"{PF}/activity-small-fenix2-run.fit").read_bytes()
    out = read_fit(data[: len(data) * 6 // 10])
    (s,) = out.sessions  # the session summary sits at the end, so the track gives totals
    assert s.distance_m == pytest.approx(6211.22) and s.moving_s == 1713  # of 9008 m, 2832 s
    assert s.start.isoformat() == "2015-08-15T14:45:08+00:00"
    assert "ends early" in out.notes[0] and "kept the 1696 track points" in out.notes[-1]
    assert s.notes == out.notes  # the damage travels with the session
