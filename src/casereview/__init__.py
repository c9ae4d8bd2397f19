"""CaseReview core: reading, checking and scoring transport administrative-penalty case files.

This package must never import Qt; the UI (``casereview_ui``) is a thin client over it.
"""

__version__ = "0.1.0"
