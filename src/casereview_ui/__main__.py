"""``python -m casereview_ui`` and the frozen build's entry point (see pyinstaller.spec)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # an OCR worker process of a frozen build stops here
    from casereview_ui.app import main

    sys.exit(main())
