"""Dialogs and the injectable prompts through which the window talks to the user."""

from casereview_ui.dialogs.prompts import DialogPrompts, Prompts, RecordingPrompts

__all__ = ["DialogPrompts", "Prompts", "RecordingPrompts"]
