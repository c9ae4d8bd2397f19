"""Reading case files: PDF (digital, scanned, mixed), DOCX, images and folders into pages of spans."""

from casereview.ingest.options import IngestOptions
from casereview.ingest.reader import ingest_path

__all__ = ["IngestOptions", "ingest_path"]
