"""The page viewer: one page at a time, rendered off the GUI thread, with evidence highlights."""

from casereview_ui.viewer.cache import PageImageCache
from casereview_ui.viewer.pageview import FitMode, PageView

__all__ = ["FitMode", "PageImageCache", "PageView"]
