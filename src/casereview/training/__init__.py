"""Training mode: cases and page ranges tagged 优秀 / 典型差案 for the 典型案例汇编."""

from casereview.training.tags import TagRecord, TrainingTag, add_tag, delete_tag, list_tags

__all__ = ["TagRecord", "TrainingTag", "add_tag", "delete_tag", "list_tags"]
