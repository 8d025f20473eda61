"""The sample emergency-plan corpus: YAML sources → DOCX, text-layer PDF and one scanned PDF.

    python -m evals.plan_corpus            # regenerate evals/datasets/plans/files/
    python -m evals.plan_corpus --check    # fail if the committed files differ from a fresh render

The plans are the project's own text (fictional people and phone numbers), written after
GB/T 29639-2020 with Jiangyin detail; ``groundtruth/<plan>.json`` holds the hand-checked
``EmergencyPlan`` for each. ``sample_files()`` lists every rendered file for API/e2e tests.

Example::

    for sample in sample_files():
        client.post("/api/v1/plans", files={"file": (sample.path.name, sample.path.read_bytes())})
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Literal, NamedTuple

import yaml

from evals.plan_corpus_names import HELD_OUT as HELD_OUT  # re-exported: the corpus's names live there
from evals.plan_corpus_names import NOT_A_PLAN as NOT_A_PLAN
from evals.plan_corpus_names import PLANS as PLANS
from evals.plan_corpus_names import SCANNED as SCANNED
from evals.plan_corpus_nested import cell_texts
from evals.plan_corpus_render import block_kind, render_docx, render_pdf, render_scanned

CORPUS = Path(__file__).parent / "datasets" / "plans"
SOURCES, FILES, GROUNDTRUTH = CORPUS / "sources", CORPUS / "files", CORPUS / "groundtruth"

FileKind = Literal["docx", "pdf", "scanned_pdf"]


class SampleFile(NamedTuple):
    name: str  # source name, e.g. city_hazchem
    path: Path
    kind: FileKind


def load_spec(name: str) -> dict[str, Any]:
    """The whole source: ``blocks``, an optional running ``header`` / ``footer``, ``plain_headings``
    and ``scan_pages`` (0-based PDF pages replaced by a scan of themselves)."""
    data: dict[str, Any] = yaml.safe_load((SOURCES / f"{name}.yaml").read_text(encoding="utf-8"))
    return data


def load_source(name: str) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = load_spec(name)["blocks"]
    return blocks


def source_title(blocks: list[dict[str, Any]]) -> str:
    return next(str(value) for block in blocks for kind, value in [block_kind(block)] if kind == "title")


def source_text(name: str) -> str:
    """Every text of a source (paragraphs and table cells) joined: what ground truth is checked against."""
    parts: list[str] = []
    for block in load_source(name):
        kind, value = block_kind(block)
        if kind == "table":
            parts += [text for row in value["rows"] for cell in row for text in cell_texts(cell)]
        elif kind in ("ol", "textbox"):
            parts += [str(item) for item in value]
        elif kind != "pagebreak":
            parts.append(str(value))
    return "\n".join(parts)


def load_groundtruth(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GROUNDTRUTH / f"{name}.json").read_text(encoding="utf-8"))
    return data


def render_all(only: str | None = None) -> dict[str, bytes]:
    """File name → bytes for the whole corpus, or for the one source `only` names (deterministic)."""
    out: dict[str, bytes] = {}
    for name in (*PLANS, NOT_A_PLAN):
        if only and name != only:
            continue
        spec = load_spec(name)
        blocks, header, plain = spec["blocks"], spec.get("header"), bool(spec.get("plain_headings"))
        title, footer = source_title(blocks), spec.get("footer")
        pdf = render_pdf(blocks, title, header, plain, footer)
        if spec.get("scan_pages"):  # a scanned page bound into the text PDF (only that page is an image)
            pdf = render_scanned(pdf, pages=[int(p) for p in spec["scan_pages"]])
        out[f"{name}.docx"] = render_docx(blocks, title, header, plain, footer)
        out[f"{name}.pdf"] = pdf
        if name in SCANNED:
            out[f"{name}.scanned.pdf"] = render_scanned(pdf)
    return out


def sample_files(include_non_plan: bool = False) -> list[SampleFile]:
    """(name, path, kind) of every committed sample file; the meeting notice only when asked."""
    names = (*PLANS, NOT_A_PLAN) if include_non_plan else PLANS
    out: list[SampleFile] = []
    for name in names:
        out.append(SampleFile(name, FILES / f"{name}.docx", "docx"))
        out.append(SampleFile(name, FILES / f"{name}.pdf", "pdf"))
        if name in SCANNED:
            out.append(SampleFile(name, FILES / f"{name}.scanned.pdf", "scanned_pdf"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=FILES)
    parser.add_argument("--check", action="store_true", help="compare with the files in --out")
    parser.add_argument(
        "--only", metavar="NAME", help="render (or check) one source, e.g. a plan just written"
    )
    args = parser.parse_args(argv)
    rendered = render_all(args.only)
    if not rendered:
        sys.stderr.write(f"no source named {args.only}\n")
        return 2
    if args.check:
        stale = [
            n
            for n, data in rendered.items()
            if not (args.out / n).is_file() or (args.out / n).read_bytes() != data
        ]
        for n in stale:
            sys.stderr.write(f"differs: {n}\n")
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for file_name, data in rendered.items():
        (args.out / file_name).write_bytes(data)
        sys.stdout.write(f"{args.out / file_name}  {len(data):,} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
