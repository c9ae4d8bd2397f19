"""The page viewer: one page at a time, rendered off the GUI thread, with marks, search and thumbnails."""

from casereview_ui.viewer.cache import PageImageCache
from casereview_ui.viewer.canvas import FitMode
from casereview_ui.viewer.marks import LOW_CONFIDENCE, WHOLE_PAGE, Mark, MarkKind, mark_color
from casereview_ui.viewer.pageview import PageView
from casereview_ui.viewer.searchbar import SearchBar, SearchController
from casereview_ui.viewer.thumbnails import ThumbnailStrip

__all__ = [
    "LOW_CONFIDENCE",
    "WHOLE_PAGE",
    "FitMode",
    "Mark",
    "MarkKind",
    "PageImageCache",
    "PageView",
    "SearchBar",
    "SearchController",
    "ThumbnailStrip",
    "mark_color",
]
