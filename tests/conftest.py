"""Root test configuration: offscreen Qt, private data/cache dirs, the case generator on sys.path."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Before anything imports Qt: no display on CI machines.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_TESTS = Path(__file__).resolve().parent
if str(_TESTS) not in sys.path:
    sys.path.insert(0, str(_TESTS))

# Tests never touch the user's own database or cache; the OCR cache is shared by the whole run
# (keyed by page-image hash, so sharing is safe and saves minutes).
_RUN_DIR = Path(tempfile.mkdtemp(prefix="casereview-tests-"))
os.environ.setdefault("CASEREVIEW_DATA_DIR", str(_RUN_DIR / "data"))
os.environ.setdefault("CASEREVIEW_CACHE_DIR", str(_RUN_DIR / "cache"))
os.environ.setdefault("CASEREVIEW_CONFIG_DIR", str(_RUN_DIR / "config"))  # the signing key
