"""Gait analysis: video to pose to events to metrics to findings. Plain Python, no Django."""
