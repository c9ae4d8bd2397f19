"""The ZIP container of offline packages: writing it atomically with a manifest of every entry,
and reading it back only after every guard has passed.

A package travels on a USB stick between machines, so reading trusts nothing: entry names that
could escape the extraction folder, symlinks, entries the manifest does not list (or lists but
lacks), sizes and SHA-256 that differ from the manifest, oversized entries and ZIP bombs are all
refused with :data:`ErrorCode.PACKAGE_REFUSED` and the reason's key (``why``). Entries are hashed as a
stream; a case file is copied to disk while it is hashed, never held in memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import lzma
import re
import shutil
import stat
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from casereview.budget import Budget, OverBudget
from casereview.errors import CaseReviewError, ErrorCode
from casereview.office.atomic import failure_reason

FORMAT = "casereview-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# The signature of manifest.json's bytes (sessions/package_sign.py): outside the manifest it signs.
SIGNATURE = "signature.json"
MAX_SIGNATURE_BYTES = 64 << 10

# Limits are read at call time (module attributes), so a test can lower them.
MAX_ENTRY_BYTES = 2 << 30  # one case file: 2 GiB (a scanned case file is far below)
MAX_TOTAL_BYTES = 4 << 30  # everything unpacked
MAX_JSON_BYTES = 256 << 20  # manifest, analyses, reviews: read into memory, so smaller
MAX_ENTRIES = 20_000
MAX_RATIO = 100  # an entry expanding more than this is a ZIP bomb …
RATIO_FLOOR = 1 << 20  # … once it expands past 1 MiB (small text entries compress well)
MAX_NAME = 1024
_CHUNK = 1 << 20
# What a damaged package raises while read: a bad central directory, a CRC error, a truncated
# file, an unknown method — and a damaged compressed stream, which fails in the codec itself.
_DAMAGED: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    NotImplementedError,
    zlib.error,
    lzma.LZMAError,
)

_DRIVE = re.compile(r"^[A-Za-z]:")
# Names Windows maps to devices whatever the extension: a reviewer's machine is usually Windows.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}
)


def refused(package: Path | str, why: str, **fields: object) -> CaseReviewError:
    """PACKAGE_REFUSED naming the package: ``why`` selects the reason's sentence
    (casereview.messages.PACKAGE_REASONS), the keyword fields fill it."""
    return CaseReviewError(ErrorCode.PACKAGE_REFUSED, str(package), {"why": why, **fields})


def safe_member_name(name: str) -> str | None:
    """``name`` when it is a plain relative path that stays inside the extraction folder on any
    system; None for absolute names, drive letters, backslashes, ``..``/``.``/empty parts,
    control characters, colons (drives, NTFS streams), Windows device names and trailing dots."""
    if not name or len(name) > MAX_NAME or name.startswith("/") or _DRIVE.match(name):
        return None
    if "\\" in name or ":" in name or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return None
    for part in name.split("/"):
        if part in ("", ".", "..") or part != part.rstrip(". "):
            return None
        if part.split(".")[0].upper() in _RESERVED:
            return None
    return name


# -- writing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One entry to write: ``data`` in memory (JSON, YAML) or a file on disk streamed in.

    ``expect_sha256``: the file's hash when it was imported; a file changed since is refused."""

    name: str
    data: bytes | None = None
    source: Path | None = None
    expect_sha256: str | None = None


def json_bytes(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _stream_file(archive: zipfile.ZipFile, entry: Entry) -> tuple[int, str]:
    """Copy a file into the archive while hashing it: one read, whatever its size."""
    assert entry.source is not None
    info = zipfile.ZipInfo.from_file(entry.source, entry.name, strict_timestamps=False)
    info.compress_type = zipfile.ZIP_STORED  # PDFs and images are compressed already
    digest = hashlib.sha256()
    size = 0
    with entry.source.open("rb") as src, archive.open(info, "w", force_zip64=True) as dest:
        for chunk in iter(lambda: src.read(_CHUNK), b""):
            digest.update(chunk)
            dest.write(chunk)
            size += len(chunk)
    if entry.expect_sha256 is not None and digest.hexdigest() != entry.expect_sha256:
        raise CaseReviewError(ErrorCode.CORRUPT_FILE, str(entry.source), {"why": "changed_since_import"})
    return size, digest.hexdigest()


def write_package(
    out: Path,
    header: dict[str, object],
    entries: Iterable[Entry],
    sign: Callable[[bytes], bytes] | None = None,
) -> Path:
    """Write the ZIP at ``out`` whole or not at all; the manifest is ``header`` plus every entry's
    path, size and SHA-256; ``sign`` turns the manifest's bytes into the ``signature.json`` entry.
    CaseReviewError(WRITE_FAILED) naming ``out`` when it cannot be written, CORRUPT_FILE when a
    case file changed since it was imported."""
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    listed: list[dict[str, object]] = []
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            for entry in entries:
                if safe_member_name(entry.name) != entry.name:
                    raise ValueError(f"unsafe entry name {entry.name!r}")
                if entry.data is not None:
                    archive.writestr(entry.name, entry.data, compresslevel=6)
                    size, digest = len(entry.data), hashlib.sha256(entry.data).hexdigest()
                else:
                    size, digest = _stream_file(archive, entry)
                listed.append({"path": entry.name, "size": size, "sha256": digest})
            manifest = header | {"format": FORMAT, "format_version": FORMAT_VERSION, "entries": listed}
            manifest_bytes = json_bytes(manifest)
            archive.writestr(MANIFEST, manifest_bytes)
            if sign is not None:
                archive.writestr(SIGNATURE, sign(manifest_bytes))
        tmp.replace(out)
    except CaseReviewError:
        tmp.unlink(missing_ok=True)
        raise
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(out), {"reason": failure_reason(exc)}) from exc
    return out


def file_label(text: str) -> str:
    """``text`` usable in a file name on Windows too (session and reviewer names)."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" .") or "未命名"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


# -- reading -------------------------------------------------------------------------------------


@dataclass
class OpenedPackage:
    """A package that passed every guard: its manifest, small entries in memory, big ones on disk."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes = b""  # as signed
    signature: bytes | None = None  # the signature.json entry, when the package has one
    texts: dict[str, bytes] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # entry name → extracted file
    sha256: dict[str, str] = field(default_factory=dict)  # entry name → SHA-256 (as verified)

    def json(self, name: str) -> Any:
        try:
            return json.loads(self.texts[name].decode("utf-8"))
        except (KeyError, UnicodeDecodeError, ValueError) as exc:
            raise refused(self.path, "entry_not_json", name=name) from exc


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _check_directory(package: Path, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """The central directory's guards, before a byte is decompressed."""
    if len(infos) > MAX_ENTRIES:
        raise refused(package, "too_many_entries", count=len(infos), limit=MAX_ENTRIES)
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if safe_member_name(name) is None or info.is_dir():
            raise refused(package, "entry_unsafe", name=name)
        if _is_symlink(info):
            raise refused(package, "entry_symlink", name=name)
        if info.flag_bits & 0x1:
            raise refused(package, "entry_encrypted", name=name)
        if name in by_name:
            raise refused(package, "entry_duplicate", name=name)
        limit = MAX_ENTRY_BYTES if name.startswith("cases/") else MAX_JSON_BYTES
        if info.file_size > limit:
            raise refused(package, "entry_too_large", name=name, size_bytes=info.file_size, limit_bytes=limit)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise refused(package, "entry_ratio", name=name, ratio=ratio)
        total += info.file_size
        by_name[name] = info
    if total > MAX_TOTAL_BYTES:
        raise refused(package, "total_too_large", size_bytes=total, limit_bytes=MAX_TOTAL_BYTES)
    # Case files are streamed to disk; everything else is read into memory and parsed as JSON.
    in_memory = sum(info.file_size for name, info in by_name.items() if not name.startswith("cases/"))
    try:
        Budget(package).charge("json_bytes", in_memory)
    except OverBudget as exc:
        raise refused(package, "over_budget", budget=exc.reason) from exc
    return by_name


def _manifest_entries(package: Path, manifest: object, kind: str) -> dict[str, tuple[int, str]]:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refused(package, "not_a_manifest")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise refused(package, "format_version", version=version, supported=FORMAT_VERSION)
    if manifest.get("kind") != kind:
        raise refused(package, "not_review_package" if kind == "review" else "not_results_package")
    entries = manifest.get("entries")
    if not isinstance(entries, list):
        raise refused(package, "no_entry_list")
    listed: dict[str, tuple[int, str]] = {}
    for item in entries:
        ok = isinstance(item, dict) and isinstance(item.get("path"), str)
        ok = ok and isinstance(item.get("size"), int) and isinstance(item.get("sha256"), str)
        if (
            not ok
            or not re.fullmatch(r"[0-9a-f]{64}", item["sha256"])
            or item["path"] in (MANIFEST, SIGNATURE)
        ):
            raise refused(package, "entry_list_malformed")
        if safe_member_name(item["path"]) is None:
            raise refused(package, "listed_unsafe", name=item["path"])
        listed[item["path"]] = (item["size"], item["sha256"])
    return listed


def _read_limited(package: Path, handle: IO[bytes], name: str, size: int) -> bytes:
    data = handle.read(size + 1)
    if len(data) != size:
        raise refused(package, "entry_size_mismatch", name=name)
    return data


def _copy_hashed(package: Path, handle: IO[bytes], name: str, size: int, target: Path) -> str:
    """Stream an entry to ``target`` while hashing it; never more than the declared size."""
    digest = hashlib.sha256()
    written = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as out:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            written += len(chunk)
            if written > size:
                raise refused(package, "entry_size_mismatch", name=name)
            digest.update(chunk)
            out.write(chunk)
    if written != size:
        raise refused(package, "entry_size_mismatch", name=name)
    return digest.hexdigest()


def read_package(
    package: Path,
    kind: str,
    *,
    staging: Path | None = None,
    check_manifest: Callable[[dict[str, Any]], None] | None = None,
) -> OpenedPackage:
    """Verify ``package`` and read it: entries under ``cases/`` are copied into ``staging`` (they
    must not occur without one), the others are kept in memory. ``check_manifest`` may refuse
    on the manifest's contents (another reviewer …) before anything is decompressed.

    On any refusal the staging folder is removed; the caller writes nothing then."""
    try:
        with zipfile.ZipFile(package) as archive:
            by_name = _check_directory(package, archive.infolist())
            if MANIFEST not in by_name:
                raise refused(package, "no_manifest")
            with archive.open(by_name[MANIFEST]) as handle:
                raw = _read_limited(package, handle, MANIFEST, by_name[MANIFEST].file_size)
            try:
                manifest = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise refused(package, "manifest_not_json") from exc
            listed = _manifest_entries(package, manifest, kind)
            extra = sorted(set(by_name) - set(listed) - {MANIFEST, SIGNATURE})
            if extra:
                raise refused(package, "entry_unlisted", name=extra[0])
            missing = sorted(set(listed) - set(by_name))
            if missing:
                raise refused(package, "entry_missing", name=missing[0])
            if check_manifest is not None:
                check_manifest(manifest)
            opened = OpenedPackage(package, manifest, raw)
            if SIGNATURE in by_name and SIGNATURE not in listed:
                if by_name[SIGNATURE].file_size > MAX_SIGNATURE_BYTES:
                    raise refused(package, "signature_too_large")
                with archive.open(by_name[SIGNATURE]) as handle:
                    opened.signature = _read_limited(package, handle, SIGNATURE, by_name[SIGNATURE].file_size)
            for name, (size, expected) in listed.items():
                if by_name[name].file_size != size:
                    raise refused(package, "entry_size_mismatch", name=name)
                with archive.open(by_name[name]) as handle:
                    if name.startswith("cases/"):
                        if staging is None:
                            raise refused(package, "entry_unexpected", name=name)
                        target = staging / name
                        digest = _copy_hashed(package, handle, name, size, target)
                        opened.files[name] = target
                    else:
                        data = _read_limited(package, handle, name, size)
                        digest = hashlib.sha256(data).hexdigest()
                        opened.texts[name] = data
                if digest != expected:
                    raise refused(package, "entry_hash_mismatch", name=name)
                opened.sha256[name] = digest
            return opened
    except CaseReviewError:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    except _DAMAGED as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, FileNotFoundError):
            raise refused(package, "file_missing") from exc
        if isinstance(exc, OSError):
            raise refused(package, "unreadable", error=failure_reason(exc)) from exc
        raise refused(package, "not_a_zip") from exc
