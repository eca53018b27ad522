"""Importing the real corpus, export zips and gzip; idempotent re-import; de-duplication."""

from __future__ import annotations

import gzip
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from stridewell.load import ImportResult, Progress, import_paths

PF = "python-fitparse/tests/files"
RUN = f"{PF}/activity-small-fenix2-run.fit"


def test_every_corpus_file_imports_or_has_a_reason(activities: Path,
                                                   corpus_import: ImportResult) -> None:
    files = [p for p in activities.rglob("*") if p.is_file()]
    imported = {s.source for s in corpus_import.sessions}
    explained = {p.source for p in corpus_import.problems if p.kind != "salvaged"}
    for path in files:
        assert str(path) in imported | explained, f"{path} neither imported nor explained"
    assert all(p.reason.strip() for p in corpus_import.problems)


def test_corpus_counts(corpus_import: ImportResult) -> None:
    kinds = Counter(p.kind for p in corpus_import.problems)
    assert corpus_import.files_seen == 147  # 112 FIT, 28 GPX, 7 TCX; the 6 CSV are not activities
    assert kinds["unsupported"] == 6
    assert kinds["not_activity"] == 11  # settings, workouts, weight scale, monitoring
    assert len(corpus_import.sessions) >= 60
    assert {"running", "cycling", "swimming"} <= {s.sport for s in corpus_import.sessions}


def test_corpus_sessions_are_time_zone_aware_and_hashed(corpus_import: ImportResult) -> None:
    for s in corpus_import.sessions:
        assert s.start.tzinfo is not None and s.start.year >= 1990
        assert len(s.content_hash) == 64 and s.moving_s > 0


def test_truncated_and_corrupt_files_are_salvaged_not_dropped(corpus_import: ImportResult) -> None:
    salvaged = {Path(p.source).name for p in corpus_import.problems if p.kind == "salvaged"}
    assert {"nick.fit", "strava-android-app-201.10-b1218918.fit",
            "activity-unexpected-eof.fit", "activity-filecrc.fit"} <= salvaged


def _export(tmp: Path, activities: Path) -> Path:
    """Build a Garmin-style export: nested zip, .fit.gz, __MACOSX junk, a GPX copy."""
    inner = tmp / "UploadedFiles_0-_Part1.zip"
    with zipfile.ZipFile(inner, "w") as z:
        z.write(activities / RUN, "run.FIT")
        z.writestr("__MACOSX/._run.FIT", b"junk")
    outer = tmp / "export.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.write(inner, "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip")
        z.writestr("activities/ride.fit.gz",
                   gzip.compress((activities / f"{PF}/sample-activity.fit").read_bytes()))
        z.writestr("activities/broken.fit.gz", b"\x1f\x8b not really gzip")
        z.writestr("activities.csv", "id,type\n1,Run\n")
        z.writestr("__MACOSX/activities/._ride.fit.gz", b"junk")
    return outer


def test_export_zip_with_nested_zip_and_gzip_imports(tmp_path: Path, activities: Path) -> None:
    result = import_paths([_export(tmp_path, activities)])
    assert sorted(s.sport for s in result.sessions) == ["cycling", "running"]
    reasons = {p.source.rsplit("!", 1)[-1]: p.reason for p in result.problems}
    assert "gzip data is corrupt" in reasons["activities/broken.fit.gz"]
    assert "not an activity" in reasons["activities.csv"]
    assert not any("__MACOSX" in p.source for p in result.problems)


def test_reimport_with_known_hashes_reads_nothing_new(tmp_path: Path, activities: Path) -> None:
    export = _export(tmp_path, activities)
    first = import_paths([export])
    again = import_paths([export], known_hashes=first.new_hashes.keys())
    assert again.sessions == () and again.files_parsed == 0
    assert sum(p.kind == "known" for p in again.problems) == 2


def test_same_session_as_fit_and_gpx_keeps_the_fit(tmp_path: Path, activities: Path) -> None:
    run = import_paths([activities / RUN]).sessions[0]
    gpx = tmp_path / "same.gpx"
    start = run.start.isoformat().replace("+00:00", "Z")
    gpx.write_text(f"<gpx><trk><type>running</type><trkseg><trkpt lat='1' lon='1'><time>{start}"
                   "</time></trkpt><trkpt lat='1.01' lon='1'><time>2015-08-15T15:30:00Z</time>"
                   "</trkpt></trkseg></trk></gpx>")
    result = import_paths([gpx, activities / RUN])
    assert [s.source for s in result.sessions] == [str(activities / RUN)]
    assert any(p.kind == "duplicate" and p.source == str(gpx) for p in result.problems)


def test_progress_is_reported_after_each_file(activities: Path) -> None:
    seen: list[Progress] = []
    import_paths([activities / "python-tcxparser"], progress=seen.append)
    assert [p.done for p in seen] == [1, 2, 3] and all(p.total == 3 for p in seen)


def test_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    result = import_paths([tmp_path / "nope.zip"])
    assert result.problems[0].reason == "no such file or folder"


def test_no_corpus_file_crashes_a_reader(corpus_import: ImportResult) -> None:
    unexpected = [p for p in corpus_import.problems if "failed unexpectedly" in p.reason]
    assert unexpected == []


def test_reimporting_the_corpus_with_its_hashes_parses_nothing(
        activities: Path, corpus_import: ImportResult) -> None:
    again = import_paths([activities], known_hashes=corpus_import.new_hashes.keys())
    assert again.sessions == () and again.files_parsed == 0
    assert all(p.kind in ("known", "duplicate", "unsupported") for p in again.problems)


def test_store_merge_of_the_same_import_twice_keeps_one_copy(
        tmp_path: Path, activities: Path) -> None:
    from stridewell.load import add_import, read_store

    folder = activities / "python-tcxparser"
    first = add_import(tmp_path, import_paths([folder]))
    stored = read_store(tmp_path)
    second = import_paths([folder], known_hashes=stored.hashes.keys(), existing=stored.sessions)
    after = add_import(tmp_path, second)
    assert after.sessions == first.sessions and len(after.sessions) == 2  # 3 files, 2 runs
    assert read_store(tmp_path).sessions == first.sessions  # round-trips through JSON


def test_big_nested_zip_is_spooled_to_a_temp_file_and_still_imports(
        tmp_path: Path, activities: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("stridewell.load.sources._IN_MEMORY", 0)  # every nested zip is "big"
    result = import_paths([_export(tmp_path, activities)])
    assert sorted(s.sport for s in result.sessions) == ["cycling", "running"]
