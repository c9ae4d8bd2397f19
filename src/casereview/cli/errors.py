"""How every ``casereview`` subcommand reports a refused operation: the error's Chinese sentence
(from :mod:`casereview.messages`) on stderr, exit code 1. Only :class:`CaseReviewError` is shown
this way; any other exception is a bug and keeps its traceback."""

from __future__ import annotations

import sys

from casereview.errors import CaseReviewError
from casereview.messages import describe


def report_error(error: CaseReviewError, *, with_code: bool = False) -> int:
    """Print ``错误：…`` (``错误 [E_…]：…`` with the code) to stderr; the exit code, 1."""
    prefix = f"错误 [{error.code}]：" if with_code else "错误："
    print(f"{prefix}{describe(error)}", file=sys.stderr)
    return 1
