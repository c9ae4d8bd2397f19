"""OCR throughput: bare RapidOCR vs OcrService, and a 2-process pool vs one process.

Usage: python bench/bench_ocr.py [--pages 6] [--rounds 2]
Pages are dense A4 text rendered at 200 dpi and lightly degraded like a scan (0.4° skew, noise,
blur). The service runs without its cache so every page is really recognised. Targets: service
overhead ≤ 10 % over bare RapidOCR; 2-process pool ≥ 1.7× the pages/s of one single-threaded process.
Configurations are interleaved page by page and the fastest of ``rounds`` runs kept, because
other processes may share the cores (the load average is printed with the table).
"""

from __future__ import annotations

import argparse
import functools
import os
import time
from collections.abc import Callable

import cv2
import numpy as np
import pymupdf

from casereview.ocr.engine import RapidOcrEngine
from casereview.ocr.service import OcrService, PageImage
from casereview.ocr.upright import UprightEngine

DPI = 200
SENTENCES = [
    "经查，当事人于2025年3月12日驾驶粤A12345号货车从事道路货物运输，未按规定携带道路运输证。",
    "上述行为违反了《中华人民共和国道路运输条例》第三十四条的规定，依据第六十八条应予处罚。",
    "执法人员张三（执法证号44010012345）、李四（执法证号44010067890）出示证件并制作询问笔录。",
    "本机关决定给予罚款人民币贰佰元整（¥200.00）的行政处罚，当事人应于十五日内缴纳罚款。",
    "如不服本决定，可在收到本决定书之日起六十日内向广州市交通运输局申请行政复议。",
]


def make_pages(count: int) -> list[np.ndarray]:
    rng = np.random.default_rng(11)
    pages = []
    doc = pymupdf.Document()
    for n in range(count):
        page = doc.new_page(width=595, height=842)
        page.insert_text((200, 70), f"行政处罚决定书（第{n + 1}页）", fontname="china-s", fontsize=18)
        for i in range(34):  # dense body: ~34 lines of ~40 characters
            text = SENTENCES[(i + n) % len(SENTENCES)]
            page.insert_text((50, 110 + 21 * i), text, fontname="china-s", fontsize=10.5)
        pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)
        img = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
        h, w = img.shape[:2]
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), 0.4, 1.0)
        scan = cv2.GaussianBlur(cv2.warpAffine(img, matrix, (w, h), borderValue=(255, 255, 255)), (3, 3), 0.6)
        pages.append(np.clip(scan + rng.normal(0, 8, scan.shape), 0, 255).astype(np.uint8))
    return pages


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(runs: dict[str, Callable[[int], object]], units: int, rounds: int) -> dict[str, float]:
    """Total seconds per configuration over ``units`` work units, each unit timed ``rounds`` times
    in turn across the configurations and the fastest kept: other processes on a shared machine
    then disturb all configurations alike, and the least disturbed run counts.
    """
    totals = dict.fromkeys(runs, 0.0)
    for unit in range(units):
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(rounds):
            for name, fn in runs.items():
                best[name] = min(best[name], timed(functools.partial(fn, unit)))
        for name in runs:
            totals[name] += best[name]
    return totals


def run(pages: int = 6, rounds: int = 2) -> dict[str, float]:
    from rapidocr import RapidOCR

    images = make_pages(pages - pages % 2)
    pages = len(images)
    inputs = [PageImage.from_array(img) for img in images]
    bgr = [np.ascontiguousarray(img[:, :, ::-1]) for img in images]
    load_before = os.getloadavg()[0]
    bare = RapidOCR(params={"Global.log_level": "error"})
    bare(bgr[0])  # load the models
    with (
        OcrService(RapidOcrEngine(), workers=1, cache=False) as service,
        OcrService(UprightEngine(RapidOcrEngine()), workers=1, cache=False) as upright,
        OcrService(RapidOcrEngine(threads=1), workers=1, cache=False) as single,
        OcrService(RapidOcrEngine(), workers=2, cache=False) as pool,
    ):
        for warm in (service, single, upright):
            warm.recognize_pages(inputs[:1])
        pool_start = timed(lambda: pool.recognize_pages(inputs[:2]))  # spawn, load, a page each
        per_page = interleaved(
            {
                "bare": lambda i: bare(bgr[i]),
                "service": lambda i: service.recognize_pages(inputs[i : i + 1]),
                "upright": lambda i: upright.recognize_pages(inputs[i : i + 1]),
                "single": lambda i: single.recognize_pages(inputs[i : i + 1]),
            },
            pages,
            rounds,
        )
        # The pool is fed pairs (one page per worker), timed against the same pair in one process.
        pairs = interleaved(
            {
                "pool": lambda i: pool.recognize_pages(inputs[2 * i : 2 * i + 2]),
                "single": lambda i: single.recognize_pages(inputs[2 * i : 2 * i + 2]),
            },
            pages // 2,
            rounds,
        )
    return {
        "pages": float(pages),
        "rounds": float(rounds),
        "cores": float(os.cpu_count() or 1),
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "bare_s_per_page": per_page["bare"] / pages,
        "service_s_per_page": per_page["service"] / pages,
        "service_overhead_pct": 100.0 * (per_page["service"] - per_page["bare"]) / per_page["bare"],
        # What ingest really runs: upright + level + seal-red handling around the engine.
        "upright_s_per_page": per_page["upright"] / pages,
        "upright_overhead_pct": 100.0 * (per_page["upright"] - per_page["bare"]) / per_page["bare"],
        "one_process_1_thread_pages_per_s": pages / pairs["single"],
        "one_process_all_threads_pages_per_s": pages / per_page["service"],
        "pool2_pages_per_s": pages / pairs["pool"],
        "pool2_speedup_vs_1_thread": pairs["single"] / pairs["pool"],
        "pool2_speedup_vs_all_threads": per_page["service"] / pairs["pool"],
        "pool2_start_s": pool_start,
    }


def table(r: dict[str, float]) -> str:
    rows = [
        ("bare RapidOCR, s/page", f"{r['bare_s_per_page']:.2f}", ""),
        ("OcrService (1 process), s/page", f"{r['service_s_per_page']:.2f}", ""),
        ("service overhead (pool, cache plumbing)", f"{r['service_overhead_pct']:+.1f} %", "≤ 10 %"),
        ("ingest's OCR (upright, level, seal red), s/page", f"{r['upright_s_per_page']:.2f}", ""),
        ("ingest's OCR overhead vs bare", f"{r['upright_overhead_pct']:+.1f} %", "≤ 10 %"),
        ("1 process × 1 thread, pages/s", f"{r['one_process_1_thread_pages_per_s']:.3f}", ""),
        ("1 process × all threads, pages/s", f"{r['one_process_all_threads_pages_per_s']:.3f}", ""),
        ("2-process pool, pages/s", f"{r['pool2_pages_per_s']:.3f}", ""),
        ("pool speed-up vs 1 thread", f"{r['pool2_speedup_vs_1_thread']:.2f}×", "≥ 1.7×"),
        ("pool speed-up vs all threads", f"{r['pool2_speedup_vs_all_threads']:.2f}×", ""),
        ("pool start + model load + 1st page each, s", f"{r['pool2_start_s']:.1f}", ""),
    ]
    head = (
        f"OCR bench: {int(r['pages'])} pages at {DPI} dpi, best of {int(r['rounds'])}, "
        f"{int(r['cores'])} cores, load average {r['load_before']:.1f} → {r['load_after']:.1f}\n\n"
    )
    lines = ["| measure | value | target |", "| --- | ---: | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return head + "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(table(run(args.pages, args.rounds)))


if __name__ == "__main__":  # the pool's spawned workers re-import this file
    main()
