"""CaseReview desktop workstation (PySide6): a thin client over the ``casereview`` core."""

from casereview_ui.compat import guard_none_refcount

guard_none_refcount()  # before any widget exists: see compat.py (PySide6 6.12.0 on Python 3.11)
