"""``python -m casereview.cli …``."""

import sys

from casereview.cli import main

sys.exit(main())
