"""Stridewell: runner-care software for sports physiotherapy clinics."""

__version__ = "0.1.0"
