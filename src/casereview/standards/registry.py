"""The standards in use: a broken edit never takes a working standard away from the reviewers."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from casereview.errors import CaseReviewError, StandardUnavailable
from casereview.standards.loader import check_file, default_root, display_path, invalid, standard_files
from casereview.standards.problems import Problem
from casereview.standards.schema import Standard


class StandardRegistry:
    """Active standards by id, reloadable from disk.

    When a file fails to load, the standard it held before (if any) stays active and the problems
    are kept in ``problems`` for the UI to show; the next successful load replaces it.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_root()
        self._active: dict[str, Standard] = {}
        self._id_of: dict[Path, str] = {}  # file → id it last loaded as
        self.problems: dict[Path, list[Problem]] = {}

    @property
    def active(self) -> Mapping[str, Standard]:
        return MappingProxyType(self._active)

    def get(self, standard_id: str) -> Standard:
        return self._active[standard_id]

    def __contains__(self, standard_id: object) -> bool:
        return standard_id in self._active

    def load(self, path: Path) -> Standard:
        """Load (or reload) one file; on failure raise and keep the previous version active."""
        key = path.resolve()
        standard, problems = check_file(path, self.root)
        if standard is not None:
            owner = next((p for p, i in self._id_of.items() if i == standard.id and p != key), None)
            if owner is not None:
                problems = [
                    Problem(
                        display_path(path, self.root), None, "id", f"标准编号 {standard.id} 已由 {owner} 使用"
                    )
                ]
                standard = None
        if standard is None:
            self.problems[key] = problems
            raise invalid(display_path(path, self.root), problems)
        previous = self._id_of.get(key)
        if previous is not None and previous != standard.id:
            self._active.pop(previous, None)  # the file was renumbered
        self._active[standard.id] = standard
        self._id_of[key] = standard.id
        self.problems.pop(key, None)
        return standard

    def reload(self) -> list[Problem]:
        """Reload every file under the root; returns the problems (broken files keep their old version)."""
        problems: list[Problem] = []
        present = set()
        for path in standard_files(self.root):
            present.add(path.resolve())
            try:
                self.load(path)
            except CaseReviewError:
                problems += self.problems[path.resolve()]
        for gone in set(self._id_of) - present:  # deleted files stop being offered
            self._active.pop(self._id_of.pop(gone), None)
            self.problems.pop(gone, None)
        return problems


# The installed standards, per root, shared by every caller of the process (CLI commands, the
# window, exports): parsed once, read again only when a file under the root changes.
_INSTALLED: dict[Path, tuple[tuple[tuple[str, int, int], ...], StandardRegistry]] = {}
_LOCK = threading.Lock()


def _stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file of every standard's folder (its YAML and the data beside it), by time and size."""
    out = []
    for path in sorted(root.glob("*/*")):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(out)


def installed(root: Path | None = None) -> StandardRegistry:
    """The registry of the standards under ``root`` (default ``scoring_standards/``): a broken file
    is left out with its problems in ``problems`` while the others stay usable."""
    root = (root or default_root()).resolve()
    stamp = _stamp(root)
    with _LOCK:
        known = _INSTALLED.get(root)
        if known is not None and known[0] == stamp:
            return known[1]
        registry = known[1] if known is not None else StandardRegistry(root)
        registry.reload()
        _INSTALLED[root] = (stamp, registry)
        return registry


def installed_standard(standard_id: str, root: Path | None = None) -> Standard:
    """The installed standard ``standard_id``; StandardUnavailable naming the installed ones (and a
    broken file, when one may have held it) otherwise."""
    registry = installed(root)
    if standard_id in registry:
        return registry.get(standard_id)
    broken = "、".join(sorted(display_path(p, registry.root) for p in registry.problems))
    raise StandardUnavailable(
        "unknown_broken" if broken else "unknown",
        standard=standard_id,
        known="、".join(sorted(registry.active)) or "无",
        broken=broken,
    )


def installed_standards(root: Path | None = None) -> Mapping[str, Standard]:
    """The usable installed standards by id (``installed(root).active``)."""
    return installed(root).active
