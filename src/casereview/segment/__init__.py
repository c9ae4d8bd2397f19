"""Splitting a case file into its documents and classifying each by its printed title."""

from casereview.segment.split import segment

__all__ = ["segment"]
