"""The case files open in this run and how they are read (off the GUI thread, via workers)."""

from casereview_ui.cases.loader import CaseLoader
from casereview_ui.cases.session import CaseState, OpenCase

__all__ = ["CaseLoader", "CaseState", "OpenCase"]
