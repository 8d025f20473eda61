"""Plan import benchmark: parsing pages/s (DOCX, text-layer PDF), OCR pages/s, peak memory on 500 pages.

    python -m benchmarks.plan_parse_bench --output -

Documents are generated here from the test plan (``tests/support/plan_docs.py``): DOCX with a page
break after each copy of the plan, PDF with the WenQuanYi font. "parse" is the parser alone;
"import" is the whole ``import_plan`` (intake, parser, sections, rule extractors, validation), no
LLM. Peak RSS is measured in a child process that parses only the 500-page PDF, next to a child
that only imports the same modules, so the difference is what parsing costs.
"""

from __future__ import annotations

import argparse
import io
import platform
import subprocess
import sys
import time
from pathlib import Path

import docx

from plans.docx_parser import parse_docx
from plans.ocr import RapidOcrEngine
from plans.pdf_parser import parse_pdf
from plans.pipeline import import_plan
from tests.support.plan_docs import PLAN, pdf_bytes, scanned_pdf_bytes


def docx_pages(copies: int) -> bytes:
    document = docx.Document()
    for n in range(copies):
        for kind, value in PLAN:
            if kind == "table":
                rows = value if isinstance(value, list) else []
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, text in enumerate(row):
                        table.cell(r, c).text = text
            elif kind in ("h1", "h2", "h3"):
                document.add_heading(str(value), level=int(kind[1]))
            else:
                document.add_paragraph(str(value))
        if n < copies - 1:
            document.add_page_break()
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def rate(fn, pages: int, repeat: int = 3) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best-of-``repeat`` seconds and pages/s."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best, pages / best


# VmHWM (peak resident set) of the child itself: ru_maxrss would carry the parent's peak over exec.
_CHILD = """
import re, sys
from pathlib import Path
from plans.pdf_parser import parse_pdf
data = Path(sys.argv[1]).read_bytes() if len(sys.argv) > 1 else None
if data is not None:
    s = parse_pdf(data, ocr=None)
    assert s.pages >= int(sys.argv[2]), s.pages
print(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1))
"""


def peak_rss_mb(pdf: Path | None, min_pages: int = 0) -> float:
    args = [sys.executable, "-c", _CHILD] + ([str(pdf), str(min_pages)] if pdf else [])
    out = subprocess.run(
        args, capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1]
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def llm_rows(data: bytes) -> list[tuple[str, str]]:
    """End-to-end seconds of one DOCX import with rules + the configured model (one run: minutes)."""
    from agents.llm import build_chat_model
    from api.settings import Settings

    settings = Settings()
    model = build_chat_model(settings)
    try:
        pages = parse_docx(data).pages
        started = time.perf_counter()
        result = import_plan(data, "plan.docx", ocr=None, chat_model=model)
        seconds = time.perf_counter() - started
    finally:
        model.close()
    name = settings.llm.model or settings.llm.size
    used = getattr(result.report, "llm_calls", "?")
    return [
        (f"DOCX import, rules + {name}, {pages} pages", f"{seconds:.1f} s end to end (LLM calls: {used})")
    ]


def long_docx(paragraphs: int) -> bytes:
    document = docx.Document()
    document.add_heading("江阴市某化工有限公司生产安全事故应急预案", 0)
    for n in range(paragraphs):
        document.add_paragraph(f"第{n + 1}条 发现泄漏时，现场人员立即报告值班长，值班长通知应急救援指挥部。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def long_rows() -> list[tuple[str, str]]:
    """One long section and no 预警 part: every block is in the warning scope (once quadratic)."""
    rows = []
    for paragraphs in (2_000, 8_000):
        data = long_docx(paragraphs)
        s, _ = rate(lambda data=data: import_plan(data, "long.docx", ocr=None), 1, repeat=1)
        rows.append((f"DOCX import, {paragraphs} paragraphs, no 预警 section", f"{s:.1f} s"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docx-copies", type=int, default=30, help="plan copies (one page break each)")
    parser.add_argument("--pdf-copies", type=int, default=50)
    parser.add_argument("--ocr-pages", type=int, default=3)
    parser.add_argument(
        "--big-pdf-copies", type=int, default=250, help="copies for the ≥500-page memory test"
    )
    parser.add_argument("--output", default="-")
    parser.add_argument(
        "--long", action="store_true", help="only the DOCX rows and the long single-section plans"
    )
    parser.add_argument(
        "--llm",
        action="store_true",
        help="only time the DOCX import with the LLM configured by SAFECLOUD_LLM__* (rules + model)",
    )
    args = parser.parse_args()

    rows: list[tuple[str, str]] = []
    data = docx_pages(args.docx_copies)
    if args.llm:
        rows += llm_rows(data)
        write(rows, args.output)
        return
    pages = parse_docx(data).pages
    s, r = rate(lambda: parse_docx(data), pages)
    rows.append((f"DOCX parse, {pages} pages ({len(data) // 1024} KB)", f"{r:.0f} pages/s ({s:.2f} s)"))
    s, r = rate(lambda: import_plan(data, "plan.docx", ocr=None), pages)
    rows.append((f"DOCX import (rules, no LLM), {pages} pages", f"{r:.0f} pages/s ({s:.2f} s)"))

    rows += long_rows()
    if args.long:
        write(rows, args.output)
        return

    pdf = pdf_bytes(repeat=args.pdf_copies)
    pages = parse_pdf(pdf, ocr=None).pages
    s, r = rate(lambda: parse_pdf(pdf, ocr=None), pages)
    rows.append((f"text PDF parse, {pages} pages ({len(pdf) // 1024} KB)", f"{r:.0f} pages/s ({s:.2f} s)"))
    s, r = rate(lambda: import_plan(pdf, "plan.pdf", ocr=None), pages)
    rows.append((f"text PDF import (rules, no LLM), {pages} pages", f"{r:.0f} pages/s ({s:.2f} s)"))

    scan = scanned_pdf_bytes(pages=args.ocr_pages, dpi=150)
    engine = RapidOcrEngine()
    started = time.perf_counter()  # the models load on the first page
    first = parse_pdf(scanned_pdf_bytes(pages=1, dpi=150), ocr=engine)
    load_s = time.perf_counter() - started
    s, r = rate(lambda: parse_pdf(scan, ocr=engine), args.ocr_pages, repeat=1)
    rows.append(
        (
            f"OCR (rapidocr, 200 dpi render), {args.ocr_pages} scanned pages",
            f"{r:.2f} pages/s ({s / args.ocr_pages:.1f} s/page)",
        )
    )
    rows.append(("OCR first page incl. model load", f"{load_s:.1f} s ({len(first.blocks)} blocks)"))

    baseline = peak_rss_mb(None)
    for copies in (args.big_pdf_copies // 10, args.big_pdf_copies):
        big = pdf_bytes(repeat=copies)
        path = Path("/tmp") / f"safecloud-bench-{copies}.pdf"
        path.write_bytes(big)
        pages = parse_pdf(big, ocr=None).pages
        peak = peak_rss_mb(path, min_pages=pages)
        path.unlink()
        rows.append(
            (
                f"peak RSS, parse {pages}-page PDF ({len(big) / 2**20:.1f} MB)",
                f"{peak:.0f} MB (imports alone: {baseline:.0f} MB)",
            )
        )

    lines = [
        "## Plan import parsing (plans/)",
        "",
        f"`python -m benchmarks.plan_parse_bench` on {platform.machine()}, Python {platform.python_version()}, "
        "2 cores shared with other work; best of 3 unless noted.",
        "",
        "| measure | value |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in rows],
        "",
    ]
    write_text("\n".join(lines), args.output)


def write(rows: list[tuple[str, str]], output: str) -> None:
    write_text("\n".join(f"| {k} | {v} |" for k, v in rows) + "\n", output)


def write_text(text: str, output: str) -> None:
    if output == "-":
        sys.stdout.write(text)
    else:
        with open(output, "a", encoding="utf-8") as fh:
            fh.write("\n" + text)


if __name__ == "__main__":
    main()
