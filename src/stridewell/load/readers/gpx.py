"""GPX reader: one session per file from its track points; HR and cadence from extensions."""

from __future__ import annotations

import math

from lxml import etree  # type: ignore[import-untyped]

from stridewell.load.errors import ReadError
from stridewell.load.models import RUNNING, Session
from stridewell.load.readers.common import ReadOutcome, Track, sport_name
from stridewell.load.readers.xml import child_text, local, parse_xml, to_float, to_time

_EARTH_M = 6_371_008.8


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance in metres between two (lat, lon) points in degrees."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 2 * _EARTH_M * math.asin(math.sqrt(min(1.0, h)))


def _extensions(pt: etree._Element) -> tuple[float | None, float | None]:
    hr = cad = None
    for el in pt.iter():
        name = local(el)
        if name in ("hr", "heartrate"):
            hr = to_float(el.text)
        elif name in ("cad", "cadence"):
            cad = to_float(el.text)
    return hr, cad


def _track(root: etree._Element) -> tuple[Track, float]:
    track = Track()
    dist = 0.0
    prev: tuple[float, float] | None = None
    for pt in root.iter("{*}trkpt", "trkpt"):
        lat, lon = to_float(pt.get("lat")), to_float(pt.get("lon"))
        here = (lat, lon) if lat is not None and lon is not None else None
        if here and prev:
            dist += _haversine(prev, here)
        prev = here or prev
        hr, cad = _extensions(pt)
        track.add(to_time(child_text(pt, "time")), None, to_float(child_text(pt, "ele")), hr, cad)
    return track, dist


def read_gpx(data: bytes, *, source: str = "", content_hash: str = "") -> ReadOutcome:
    """Return the one session a GPX track records (raises ReadError naming why not)."""
    root = parse_xml(data, "GPX")
    if local(root) != "gpx":
        raise ReadError(f"not a GPX file (root element is <{local(root)}>)")
    track, dist = _track(root)
    if track.points == 0:
        routes = any(True for _ in root.iter("{*}rtept", "rtept"))
        if routes:
            raise ReadError("route only: a planned course, not a recorded activity")
        raise ReadError("GPX file without track points")
    if track.first is None:
        raise ReadError("track points have no times, so the duration is unknown "
                        "(a drawn route, not a recording)")
    if track.elapsed_s < 1:
        raise ReadError("the track covers less than a second, so there is nothing to count")
    if track.timed * 2 < track.points:
        raise ReadError(f"only {track.timed} of {track.points} track points have a time, "
                        "so the duration is unknown")
    trk = next(iter(root.iter("{*}trk", "trk")), None)
    sport = sport_name(child_text(trk, "type") if trk is not None else None)
    cad = track.avg_cadence
    session = Session(
        sport=sport, start=track.first, elapsed_s=track.elapsed_s, moving_s=track.elapsed_s,
        distance_m=dist or None, ascent_m=track.ascent_m or None, avg_hr=track.avg_hr,
        max_hr=track.hr_max or None, cadence_spm=(cad * 2 if cad and sport == RUNNING else cad),
        source=source, content_hash=content_hash,
    )
    return ReadOutcome((session,))
