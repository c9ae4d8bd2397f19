"""``make bench``: every benchmark in one run, written to bench/results.md.

Each benchmark runs in a fresh child process (``run_all.py --section NAME``), so its peak memory is
its own: the child's VmHWM, and the largest VmHWM among the processes it starts (OCR workers,
LibreOffice; a PostgreSQL server detaches and is not counted), see peakmem.py. Every figure is given as a ratio against its anchor, measured in the same run on the
same input (raw PyMuPDF, a bare RapidOCR call, plain openpyxl / python-docx, a bare SQL count, the
generator's ground truth), with the absolute figure beside it. A benchmark that fails is reported
in the table and the run goes on. Benchmarks never decide whether the tests pass.

Usage: python bench/run_all.py [--only NAME[,NAME...]]   (names: see SECTIONS)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
NOTES = HERE / "notes.md"

from peakmem import PeakMemory, vm_hwm_kib  # noqa: E402


@dataclass
class Row:
    """One line of the summary table."""

    measure: str
    figure: str
    anchor: str
    ratio: str
    target: str = "–"
    met: bool | None = None


@dataclass
class Section:
    title: str
    detail: str
    rows: list[Row] = field(default_factory=list)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def ingest() -> Section:
    import bench_ingest

    r = bench_ingest.run()
    detail = "\n".join(
        [
            "| measure | raw PyMuPDF get_text | read + segment + extract + store (SQLite) | ratio | peak Python heap |",
            "|---|---:|---:|---:|---:|",
            f"| digital PDF, {r['pages']} pages (median of 3) | {r['raw_s']} s | {r['ours_s']} s | {r['ratio']}× "
            f"| {r['peak_python_mb']} MB |",
        ]
    )
    row = Row(
        "ingest 300-page digital PDF (read, segment, extract, store)",
        f"{r['ours_s']:.2f} s",
        f"raw PyMuPDF get_text: {r['raw_s']:.2f} s",
        f"{r['ratio']:.2f}×",
        "≤ 3×",
        r["ratio"] <= 3,
    )
    return Section("Ingest: digital PDF, 300 pages", detail, [row])


def ocr() -> Section:
    import bench_ocr

    r = bench_ocr.run()
    rows = [
        Row(
            "OCR per 200-dpi page, OcrService (1 process)",
            f"{r['service_s_per_page']:.2f} s",
            f"bare RapidOCR: {r['bare_s_per_page']:.2f} s",
            f"{r['service_s_per_page'] / r['bare_s_per_page']:.2f}×",
            "≤ 1.10×",
            r["service_overhead_pct"] <= 10,
        ),
        Row(
            "OCR per page as ingest runs it (upright, level, seal red)",
            f"{r['upright_s_per_page']:.2f} s",
            f"bare RapidOCR: {r['bare_s_per_page']:.2f} s",
            f"{r['upright_s_per_page'] / r['bare_s_per_page']:.2f}×",
            "≤ 1.10×",
            r["upright_overhead_pct"] <= 10,
        ),
        Row(
            "OCR throughput, 2-process pool",
            f"{r['pool2_pages_per_s']:.3f} pages/s",
            f"1 process × 1 thread: {r['one_process_1_thread_pages_per_s']:.3f} pages/s",
            f"{r['pool2_speedup_vs_1_thread']:.2f}×",
            "≥ 1.7×",
            r["pool2_speedup_vs_1_thread"] >= 1.7,
        ),
    ]
    return Section("OCR", bench_ocr.table(r), rows)


def check() -> Section:
    import bench_check

    r = bench_check.run()
    row = Row(
        f"check + score, {r['pages']:.0f}-page digital case after ingest",
        _ms(r["check_s"]),
        f"raw PyMuPDF get_text: {_ms(r['raw_s'])}",
        f"{r['check_s'] / r['raw_s']:.2f}×",
        "< 200 ms",
        r["check_s"] < 0.2,
    )
    return Section("Rules: checking one case", bench_check.table(r), [row])


def ui() -> Section:
    import bench_ui

    r = bench_ui.run()
    paint, flip, stall = r["paint"], r["flip"], r["stall"]
    raw = f"raw PyMuPDF open + render p.1: {_ms(paint['raw_s'])}"
    rows = [
        Row(
            "first page painted, 300-page digital PDF opened new",
            _ms(paint["new_paint_s"]),
            raw,
            f"{paint['new_paint_s'] / paint['raw_s']:.1f}×",
            "< 500 ms",
            paint["new_paint_s"] < 0.5,
        ),
        Row(
            "first page painted, same case from the database",
            _ms(paint["stored_paint_s"]),
            raw,
            f"{paint['stored_paint_s'] / paint['raw_s']:.1f}×",
            "< 500 ms",
            paint["stored_paint_s"] < 0.5,
        ),
        Row(
            "page flip to a prefetched page (median of 40)",
            f"{flip['median_ms']:.1f} ms (max {flip['max_ms']:.1f})",
            f"raw render of the page: {flip['raw_render_ms']:.1f} ms",
            f"{flip['median_ms'] / flip['raw_render_ms']:.2f}×",
            "< 50 ms",
            flip["max_ms"] < 50,
        ),
        Row(
            f"longest UI stall importing a {stall['pages']:.0f}-page scan with OCR",
            f"{stall['import_max_ms']:.0f} ms (p99 {stall['import_p99_ms']:.0f})",
            f"idle heartbeat: {stall['idle_max_ms']:.0f} ms",
            f"{stall['import_max_ms'] / max(stall['idle_max_ms'], 1):.1f}×",
            "< 100 ms",
            stall["import_max_ms"] < 100,
        ),
    ]
    return Section("Workstation responsiveness (offscreen, real window)", bench_ui.table(r), rows)


def exports() -> Section:
    import bench_exports

    results = [bench_exports.scoresheet_bench(2000), bench_exports.compilation_bench(50)]
    limits = (15.0, 60.0)
    names = ("session workbook 评查评分表, 2,000 cases", "典型案例汇编, 50 tagged cases, verified")
    rows = [
        Row(
            name,
            f"{float(r['seconds']):.2f} s",  # type: ignore[arg-type]
            f"{r['anchor']}: {float(r['anchor_s']):.2f} s",  # type: ignore[arg-type]
            f"{r['ratio']}×",
            f"< {limit:.0f} s",
            float(r["seconds"]) < limit,  # type: ignore[arg-type]
        )
        for name, r, limit in zip(names, results, limits, strict=True)
    ]
    detail = "\n".join([bench_exports.HEADER, *map(bench_exports.row, results)])
    return Section("Exports", detail, rows)


def sessions() -> Section:
    import bench_session_scale
    import bench_sessions

    scale = bench_session_scale.with_private_postgres(2000)
    merge = bench_sessions.merge_bench(200)
    rows: list[Row] = []
    for db, r in scale.items():
        anchor = f"SELECT count(*): {r['anchor_s'] * 1000:.1f} ms"
        rows.append(
            Row(
                f"case list with filters, 2,000 cases, {db}",
                _ms(r["list_s"]),
                anchor,
                f"{r['list_s'] / r['anchor_s']:.0f}×",
                "< 200 ms",
                r["list_s"] < 0.2,
            )
        )
        rows.append(
            Row(
                f"session statistics, 2,000 cases, {db}",
                _ms(r["stats_s"]),
                anchor,
                f"{r['stats_s'] / r['anchor_s']:.0f}×",
                "< 1 s",
                r["stats_s"] < 1,
            )
        )
    rows.append(
        Row(
            "merge a 200-case results package (SQLite)",
            f"{merge['seconds']} s",
            f"{merge['anchor']}: {merge['anchor_s']} s",
            f"{merge['ratio']}×",
            "< 10 s",
            float(str(merge["seconds"])) < 10,
        )
    )
    detail = "\n".join(
        [bench_session_scale.table(scale), "", bench_sessions.HEADER, bench_sessions.row(merge)]
    )
    return Section("Review sessions", detail, rows)


def followup() -> Section:
    import bench_followup

    results = bench_followup.run(2000)
    bench_followup.write(results, 2000, bench_followup.RESULTS)
    rows: list[Row] = []
    for db, r in results.items():
        anchor = f"SELECT count(*): {r['anchor_s'] * 1000:.1f} ms"
        for key, what in (("ledger_model_s", "整改台账 (6,000 items) read into the table"),
                          ("objections_s", "objection list of the session")):  # fmt: skip
            rows.append(
                Row(
                    f"{what}, 2,000 cases, {db}",
                    _ms(r[key]),
                    anchor,
                    f"{r[key] / r['anchor_s']:.1f}×",
                    "< 200 ms",
                    r[key] < 0.2,
                )
            )
    sqlite = results["SQLite"]
    rows.append(
        Row(
            "通报 of a 2,000-case session (DOCX, PDF, read back; SQLite)",
            f"{sqlite['bulletin_s']:.1f} s",
            f"python-docx empty document: {sqlite['anchor_s'] * 1000:.0f} ms",
            f"{sqlite['bulletin_s'] / sqlite['anchor_s']:.0f}×",
            "< 20 s",
            sqlite["bulletin_s"] < 20,
        )
    )
    return Section("After the scores: ledger, objections, 通报", bench_followup.table(results), rows)


def memory() -> Section:
    import bench_memory

    results = bench_memory.run()
    rows = [
        Row(
            f"peak RSS reading {r['input']}",
            f"{float(r['mib']):.0f} MiB",  # type: ignore[arg-type]
            f"{r['anchor']}: {float(r['anchor_mib']):.0f} MiB",  # type: ignore[arg-type]
            f"{float(r['mib']) / float(r['anchor_mib']):.2f}×",  # type: ignore[arg-type]
            bench_memory.limit_text(r),
            float(r["mib"]) < float(r["limit_mib"]),  # type: ignore[arg-type]
        )
        for r in results
    ]
    detail = "\n".join([bench_memory.HEADER, *map(bench_memory.row, results)])
    return Section("Memory: very long and very large inputs", detail, rows)


def _corpus(
    name: str, count: int, seed: int, kinds: tuple[str, ...] = ()
) -> list[tuple[Path, dict[str, object]]]:
    from casegen import generate_corpus

    if kinds:
        return generate_corpus(HERE / "out" / name, count, seed, kinds=kinds)
    return generate_corpus(HERE / "out" / name, count, seed)


def extraction() -> Section:
    import accuracy

    cases = _corpus("accuracy", 40, 7)
    r = accuracy.evaluate(cases, None)
    docs = r["documents"]
    fields = r["fields"]
    assert isinstance(docs, dict) and isinstance(fields, dict)
    rows = [
        Row(
            f"documents (type + page range), {group}",
            f"{acc:.3f} ({n})",
            "generator's ground truth",
            f"{acc:.3f}",
            "≥ 0.97",
            acc >= 0.97,
        )
        for group, (acc, n) in sorted(docs.items())
    ]
    for group in ("digital", "mixed", "scanned"):
        scores = [
            (acc, key.split("/")[1]) for key, (acc, _n) in fields.items() if key.startswith(group + "/")
        ]
        if not scores:
            continue
        worst, name = min(scores)
        limit = 0.97 if group == "digital" else 0.93
        rows.append(
            Row(
                f"fields, {group}: lowest of {len(scores)} ({name})",
                f"{worst:.3f}",
                "generator's ground truth",
                f"{worst:.3f}",
                f"≥ {limit}",
                worst >= limit,
            )
        )
    detail = (
        f"{accuracy.table(r)}\n\n{len(cases)} cases in {r['seconds']} s (OCR results cached between runs)."
    )
    return Section("Extraction accuracy (40 generated cases, all kinds)", detail, rows)


# The rules corpora: every kind mixed; digital kinds only (so that every rule's defect is injected
# at least 3 times in the digital group); scanned kinds only. The scanned group still has only 1–6
# injections per rule (none for T-02): a larger scanned corpus costs ~20 s of cold OCR per case.
RULE_CORPORA = (
    ("rules", 60, 8, ()),
    ("rules_digital", 60, 10, ("digital", "docx")),
    ("rules_scanned", 30, 9, ("scanned", "images", "tiff", "mixed")),
)


def rules() -> Section:
    import rules_accuracy

    parts = [rules_accuracy.evaluate(_corpus(*corpus), None) for corpus in RULE_CORPORA]
    r = rules_accuracy.combine(parts)
    counts = r["counts"]
    clean = r["clean_fails"]
    assert isinstance(counts, dict) and isinstance(clean, dict)
    rows: list[Row] = []
    for group, (recall_min, precision_min) in (("digital", (0.97, 0.97)), ("scanned", (0.93, 0.95))):
        cells = [c for (g, _), c in counts.items() if g == group]
        tp, fp, fn = (sum(c[i] for c in cells) for i in range(3))
        recall = tp / (tp + fn) if tp + fn else 0.0
        precision = tp / (tp + fp) if tp + fp else 0.0
        worst_recall = min((c[0] / (c[0] + c[2]) for c in cells if c[0] + c[2]), default=0.0)
        worst_precision = min((c[0] / (c[0] + c[1]) for c in cells if c[0] + c[1]), default=0.0)
        rules_seen = sum(1 for c in cells if c[0] + c[2])
        rows.append(
            Row(
                f"rule fails, {group}: recall / precision over {rules_seen} rules "
                f"(lowest rule: {worst_recall:.3f} / {worst_precision:.3f})",
                f"{recall:.3f} / {precision:.3f} ({tp + fn} injected)",
                "generator's injected defects",
                f"{recall:.3f} / {precision:.3f}",
                f"each rule ≥ {recall_min} / ≥ {precision_min}",
                worst_recall >= recall_min and worst_precision >= precision_min,
            )
        )
        rows.append(
            Row(
                f"fail on a clean {group} case",
                str(len(clean.get(group, []))),
                "none expected",
                "–",
                "0",
                not clean.get(group),
            )
        )
    total = sum(count for _, count, _, _ in RULE_CORPORA)
    corpora = "; ".join(
        f"{name}: {count} cases, seed {seed}, {'/'.join(kinds) or 'all kinds'}"
        for name, count, seed, kinds in RULE_CORPORA
    )
    detail = (
        f"Corpora — {corpora}.\n\n{rules_accuracy.table(r)}\n\n{rules_accuracy.summary(r)} "
        "(OCR results cached between runs)"
    )
    return Section(f"Rules: recall and precision of fail ({total} generated cases)", detail, rows)


def families() -> Section:
    """Leave-one-family-out (issue 12): the held-out families' figures against the targets."""
    import family_accuracy as fam

    r = fam.evaluate(list(fam.FAMILIES), fam.COUNT, fam.SCANNED)
    rows: list[Row] = []
    held = [n for n in r if n not in fam.TUNED_ON]
    for name in held:
        for group in ("digital", "scanned"):
            if group not in r[name] or not r[name][group]["docs"][1]:
                continue
            f = fam.figures(r[name][group])
            limit = fam.TARGETS["field_digital" if group == "digital" else "field_scanned"]
            low_name, low = f["field_lowest"]
            met = (
                (f["documents"] or 0) >= fam.TARGETS["documents"]
                and (low or 0) >= limit
                and (f["recall"] or 0) >= fam.TARGETS["recall"]
                and (f["precision"] or 0) >= fam.TARGETS["precision"]
                and f["clean_fails"] == 0
                and (f["doubt_share"] or 0) <= fam.NEEDS_REVIEW_SHARE
            )
            rows.append(
                Row(
                    f"held-out family {name}, {group}: documents; lowest field ({low_name}); "
                    "rule fails recall / precision; fails on clean; needs_review share on clean",
                    f"{fam._f(f['documents'])}; {fam._f(low)}; {fam._f(f['recall'])} / "
                    f"{fam._f(f['precision'])}; {f['clean_fails']}; {fam._f(f['doubt_share'])}",
                    "the family's ground truth",
                    "–",
                    f"≥ 0.97; ≥ {limit}; ≥ 0.95 / ≥ 0.98; 0; ≤ 0.10",
                    met,
                )
            )
    return Section("Leave-one-family-out accuracy (tests/families)", fam.table(r), rows)


def kinds() -> Section:
    """Compulsion and inspection files (issue 14): per-rule fails, clean files, case type told."""
    import argparse
    import tempfile

    import kinds_accuracy as ka

    args = argparse.Namespace(digital=4, scanned=2, clean=6, clean_scanned=1, seed=140, workers=None)
    with tempfile.TemporaryDirectory() as tmp:
        r = ka.run(args, Path(tmp))
    rows: list[Row] = []
    for group in ("digital", "scanned"):
        cells = [c for (g, _), c in r["counts"].items() if g == group and sum(c)]
        tp, fp, fn = (sum(c[i] for c in cells) for i in range(3))
        recall, precision = (tp / (tp + fn) if tp + fn else 0.0), (tp / (tp + fp) if tp + fp else 0.0)
        clean = sum(v[1] for k, v in r["clean"].items() if k.startswith(group))
        right, total = r["types"].get(group, [0, 0])
        rows.append(
            Row(
                f"compulsion/inspection files, {group}: rule fails recall / precision ({len(cells)} rules); "
                "files with a fail among the clean; case type told right",
                f"{recall:.3f} / {precision:.3f} ({tp + fn} expected); {clean}; {right}/{total}",
                "generator's injected defects",
                "–",
                "≥ 0.97 / ≥ 0.97; 0; all",
                recall >= 0.97 and precision >= 0.97 and clean == 0 and right == total,
            )
        )
    return Section("Compulsion and inspection files (bench/kinds_accuracy.py)", ka.report(r, args), rows)


SECTIONS: dict[str, Callable[[], Section]] = {
    "ingest": ingest,
    "ocr": ocr,
    "check": check,
    "ui": ui,
    "exports": exports,
    "sessions": sessions,
    "followup": followup,
    "memory": memory,
    "extraction": extraction,
    "rules": rules,
    "families": families,
    "kinds": kinds,
}


def run_section(name: str, out: Path) -> None:
    """Child side: run one section and write it, with its time and peak memory, as JSON."""
    started = time.perf_counter()
    section = SECTIONS[name]()
    out.write_text(
        json.dumps(
            {
                "section": asdict(section),
                "seconds": time.perf_counter() - started,
                "peak_mib": vm_hwm_kib() / 1024,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def spawn(name: str) -> dict[str, object]:
    """Parent side: one section in a fresh interpreter; a failure becomes a report, not a stop.

    The processes the section starts are watched from here, not from inside the section, so that
    no sampling thread competes with what is being measured (the UI's stalls above all)."""
    out = HERE / "out" / f"section-{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    command = [sys.executable, str(Path(__file__).resolve()), "--section", name, "--json", str(out)]
    with (
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc,
        PeakMemory(proc.pid) as peak,
    ):
        _, stderr = proc.communicate()
    if proc.returncode != 0 or not out.exists():
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        return {"failed": f"exit {proc.returncode}", "stderr": tail, "seconds": time.perf_counter() - started}
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    data["child_peak_mib"] = peak.child_mib
    return data


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )


def _verdict(met: bool | None) -> str:
    return "–" if met is None else ("met" if met else "**not met**")


def render(results: dict[str, dict[str, object]], started: dt.datetime) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"`make bench` run of {started:%Y-%m-%d %H:%M} on {machine()}.",
        "",
        "Ratio = our figure ÷ the anchor's, both measured in the same run on the same input. Peak memory is the",
        "benchmark process's own peak resident set (VmHWM); after the slash, the largest peak among the",
        "processes it started (OCR workers, LibreOffice, the memory children) where it has any.",
        "",
        "| benchmark | figure | anchor (same run, same input) | ratio | target | verdict | peak memory |",
        "|---|---|---|---:|---|---|---|",
    ]
    for name, data in results.items():
        if "failed" in data:
            lines.append(f"| {name} | **failed ({data['failed']})** | – | – | – | – | – |")
            continue
        section = data["section"]
        assert isinstance(section, dict)
        own, child = float(data["peak_mib"]), float(data["child_peak_mib"])  # type: ignore[arg-type]
        memory = f"{own:.0f} MiB" + (f" / {child:.0f} MiB" if child > 1 else "")
        for row in section["rows"]:
            lines.append(
                f"| {row['measure']} | {row['figure']} | {row['anchor']} | {row['ratio']} | {row['target']} "
                f"| {_verdict(row['met'])} | {memory} |"
            )
    lines += [
        "",
        "Time per benchmark: " + ", ".join(f"{n} {float(d['seconds']):.0f} s" for n, d in results.items()),
    ]  # type: ignore[arg-type]
    for name, data in results.items():
        if "failed" in data:
            lines += ["", f"## {name}: failed", "", "```", str(data.get("stderr", "")), "```"]
            continue
        section = data["section"]
        assert isinstance(section, dict)
        lines += ["", f"## {section['title']}", "", str(section["detail"])]
    if NOTES.exists():
        lines += ["", NOTES.read_text(encoding="utf-8").strip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", default="", help="comma-separated section names (default: all)")
    parser.add_argument("--section", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args(argv)
    if args.section:
        run_section(args.section, args.json)
        return 0
    names = [n for n in args.only.split(",") if n] or list(SECTIONS)
    unknown = set(names) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {sorted(unknown)}; choose from {list(SECTIONS)}")
    started = dt.datetime.now()
    results: dict[str, dict[str, object]] = {}
    for name in names:
        print(f"[bench] {name} …", file=sys.stderr, flush=True)
        results[name] = spawn(name)
        print(f"[bench] {name}: {float(results[name]['seconds']):.0f} s", file=sys.stderr, flush=True)  # type: ignore[arg-type]
        args.out.write_text(render(results, started), encoding="utf-8")  # a partial table survives a stop
    print(render(results, started))
    if not args.only and args.out == HERE / "results.md":
        import publish

        publish.publish(args.out)  # the README shows the latest full table
    return 0 if all("failed" not in d for d in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
