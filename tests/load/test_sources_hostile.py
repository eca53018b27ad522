"""The importer's archive handling refuses zip bombs and deep nesting instead of filling memory."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from stridewell.load import sources
from stridewell.load.errors import ReadError
from stridewell.load.models import ImportProblem
from tests.zips import zip_bytes as _zip


def test_an_entry_larger_than_any_activity_is_refused_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_ENTRY_BYTES", 1024 * 1024)
    path = tmp_path / "export.zip"
    path.write_bytes(_zip({"bomb.fit": b"\x00" * (2 * 1024 * 1024), "ok.gpx": b"<gpx/>"}))
    problems: list[ImportProblem] = []
    entries = sources.expand([path], problems)
    assert [e.source.rsplit("!", 1)[1] for e in entries] == ["ok.gpx"]
    assert "zip bomb" in problems[0].reason and problems[0].source.endswith("bomb.fit")


def test_zips_nested_too_deep_are_refused(tmp_path):
    deep = _zip({"a.zip": _zip({"b.zip": _zip({"c.zip": _zip({"run.gpx": b"<gpx/>"})})})}, level=0)
    path = tmp_path / "export.zip"
    path.write_bytes(deep)
    problems: list[ImportProblem] = []
    assert sources.expand([path], problems) == []
    assert any("nested too deep" in p.reason for p in problems)


def test_a_gzip_bomb_stops_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_ENTRY_BYTES", 1024 * 1024)
    path = tmp_path / "run.fit.gz"
    path.write_bytes(gzip.compress(b"\x00" * (5 * 1024 * 1024)))
    (entry,) = sources.expand([path], [])
    with pytest.raises(ReadError, match="unpacks to more than"):
        entry.read()


def test_a_cut_short_gzip_is_a_read_error_and_two_members_are_joined(tmp_path):
    data = gzip.compress(b"<gpx>" + b"x" * 5000 + b"</gpx>")
    cut = tmp_path / "cut.gpx.gz"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="cut short"):
        sources.expand([cut], [])[0].read()
    two = tmp_path / "two.gpx.gz"
    two.write_bytes(gzip.compress(b"<gpx>") + gzip.compress(b"</gpx>"))
    assert sources.expand([two], [])[0].read() == b"<gpx></gpx>"


def test_member_names_are_labels_never_paths_written_to(tmp_path: Path):
    path = tmp_path / "export.zip"
    path.write_bytes(_zip({"../../etc/passwd.gpx": b"<gpx/>", "/abs/run.gpx": b"<gpx/>"}))
    entries = sources.expand([path], [])
    assert sorted(e.read() for e in entries) == [b"<gpx/>", b"<gpx/>"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.zip"]
