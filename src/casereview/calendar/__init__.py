"""Working-day calendar (legal-reference §5): chinesecalendar plus a local override file."""

from casereview.calendar.workdays import CalendarDataMissing, WorkCalendar

__all__ = ["CalendarDataMissing", "WorkCalendar"]
