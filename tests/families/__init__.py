"""Template families: case files written the way *other* enforcement systems print them.

Each family is a package beside this module, written independently of the others and of the reader
(``src/casereview``), so that ``bench/families.py`` can measure the reader leave-one-family-out: a
family's figures count only while no reader change has been tuned on that family's errors
(``bench/notes.md`` keeps the log). The contract every family implements is in ``contract.py``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# Family name → module. ``casegen`` is the original generator, written together with the reader.
FAMILIES: tuple[str, ...] = (
    "casegen",
    "lingnan",
    "zhongyuan",
    "bashu",
    "haixi",
    "saibei",
    "jianghuai",
    "liaoshen",
    "qilu",
    "qiannan",
    "longjiang",
    "qinlong",
    "xiangchu",
    "yunling",
)


def family(name: str) -> ModuleType:
    """The family module (each has ``FAMILY`` and ``write_case``, see ``contract.py``)."""
    if name not in FAMILIES:
        raise ValueError(f"unknown family {name!r}; known: {FAMILIES}")
    return importlib.import_module(f"families.{name}")
