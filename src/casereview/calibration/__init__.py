"""Reviewer calibration (校准): gold cases scored blind by trainees, compared item by item."""
