"""Readers: one module per format, each turning bytes into sessions or a ReadError."""

from __future__ import annotations

from stridewell.load.readers.common import ReadOutcome
from stridewell.load.readers.fit import read_fit
from stridewell.load.readers.gpx import read_gpx
from stridewell.load.readers.tcx import read_tcx

__all__ = ["ReadOutcome", "read_fit", "read_gpx", "read_tcx"]
