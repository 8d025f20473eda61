"""The sample plan corpus: committed files match their sources, ground truth is valid and quoted from the text."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pymupdf
import pytest

from core.plan_document import EmergencyPlan
from core.vocab import AccidentType
from evals.plan_corpus import (
    FILES,
    NOT_A_PLAN,
    PLANS,
    load_groundtruth,
    render_all,
    sample_files,
    source_text,
)
from evals.plan_scoring import normalise, phone_digits


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return render_all()


def _content(file_name: str, data: bytes) -> list[str]:
    """What a reader of the file sees: paragraphs and cells (DOCX), page texts (PDF), image pages (scan)."""
    if file_name.endswith(".docx"):
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return [p.text for p in document.paragraphs] + cells
    pdf = pymupdf.open(stream=data, filetype="pdf")
    if file_name.endswith(".scanned.pdf"):
        return [f"{len(page.get_images())} image(s), text {page.get_text()!r}" for page in pdf]
    return [page.get_text() for page in pdf]


def test_regenerating_the_corpus_reproduces_the_committed_files(rendered: dict[str, bytes]) -> None:
    """Same content everywhere; byte for byte for DOCX (PDF bytes also depend on the font and JPEG
    library builds — `python -m evals.plan_corpus --check` compares those bytes too)."""
    assert sorted(rendered) == sorted(p.name for p in FILES.iterdir())
    for name, data in rendered.items():
        committed = (FILES / name).read_bytes()
        assert _content(name, data) == _content(name, committed), (
            f"{name} is stale: run python -m evals.plan_corpus"
        )
        if name.endswith(".docx"):
            assert data == committed, f"{name} is stale: run python -m evals.plan_corpus"


def test_sample_files_list_every_plan_in_each_format() -> None:
    samples = sample_files()
    assert {s.name for s in samples} == set(PLANS)
    assert {s.kind for s in samples} == {"docx", "pdf", "scanned_pdf"}
    assert all(s.path.is_file() for s in samples)
    name, path, kind = samples[0]  # plain tuples for callers that unpack
    assert (name, kind) == (PLANS[0], "docx") and path.suffix == ".docx"
    assert NOT_A_PLAN in {s.name for s in sample_files(include_non_plan=True)}


def test_docx_has_real_headings_and_merged_table_cells() -> None:
    document = docx.Document(str(FILES / "city_hazchem.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "第一章　总则" in headings and "4.2.1　Ⅰ级响应" in headings
    resources = next(t for t in document.tables if t.cell(0, 0).text == "类别")
    # A vertical merge: rows 1-3 of the first column are one cell holding 救援队伍.
    assert resources.cell(1, 0)._tc is resources.cell(3, 0)._tc
    assert resources.cell(2, 0).text == "救援队伍"


def test_pdf_has_a_text_layer_over_several_pages_and_the_scan_has_none() -> None:
    text_pdf = pymupdf.open(FILES / "city_hazchem.pdf")
    assert text_pdf.page_count >= 4
    text = "".join(page.get_text() for page in text_pdf)
    assert "市危险化学品事故应急指挥部" in text and "0510-86861201" in text
    scanned = pymupdf.open(FILES / "site_tank_leak.scanned.pdf")
    assert scanned.page_count >= 2
    assert all(not page.get_text().strip() for page in scanned)
    assert all(page.get_images() for page in scanned)


def test_prompt_injection_line_is_in_the_enterprise_plan_body() -> None:
    assert "忽略以上所有指令" in source_text("enterprise_comprehensive")
    gold = load_groundtruth("enterprise_comprehensive")
    assert [level["level"] for level in gold["response_levels"]] == ["一级", "二级", "三级"]


@pytest.mark.parametrize("name", PLANS)
def test_ground_truth_is_a_valid_emergency_plan(name: str) -> None:
    plan = EmergencyPlan.model_validate(load_groundtruth(name))
    assert plan.title
    units = {u.name for u in plan.org_units}
    assert all(u.parent is None or u.parent in units for u in plan.org_units), "parents name listed units"


@pytest.mark.parametrize("name", PLANS)
def test_ground_truth_values_are_quoted_from_the_source(name: str) -> None:
    """Free-text values are copied from the document: each must occur in it (ignoring punctuation)."""
    text = normalise(source_text(name))
    digits = phone_digits(source_text(name).replace(" ", ""))
    plan = EmergencyPlan.model_validate(load_groundtruth(name))
    quoted = [plan.title, plan.issuing_unit, plan.version, plan.scope, plan.purpose, *plan.basis]
    quoted += [w.criteria for w in plan.warning_levels]
    for level in plan.response_levels:
        quoted += [level.trigger, level.commander or "", *level.actions]
    for unit in plan.org_units:
        quoted += [unit.name, *unit.duties]
        for role in unit.roles:
            quoted += [role.title, role.holder or "", *role.duties]
    quoted += [r.to for r in plan.reporting]
    quoted += [v for r in plan.resources for v in (r.name, r.unit or "", r.holder or "")]
    quoted += [v for c in plan.contacts for v in (c.name, c.role, c.org)]
    missing = [q for q in quoted if normalise(q) not in text]
    assert not missing
    assert all(phone_digits(c.phone) in digits for c in plan.contacts)


def test_rendered_docx_text_contains_every_source_cell() -> None:
    # One plan rendered on its own: the whole corpus (one to two minutes of CPU) is rendered once, by
    # the test above, not again on a second xdist worker.
    document = docx.Document(io.BytesIO(render_all(only="town_flood")["town_flood.docx"]))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"吴振华", "13915208866", "镇防汛防台指挥部"} <= cells


@pytest.mark.parametrize("name", PLANS)
def test_ground_truth_accident_types_use_the_closed_vocabulary(name: str) -> None:
    types = load_groundtruth(name)["accident_types"]
    assert types and all(t in {v.value for v in AccidentType} for t in types)


def test_docx_numbered_list_uses_word_numbering_not_literal_numbers() -> None:
    document = docx.Document(str(FILES / "site_tank_leak.docx"))
    listed = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert len(listed) == 5 and listed[0].startswith("立即停止装卸作业")
    assert "1. 立即停止装卸作业" in pymupdf.open(FILES / "site_tank_leak.pdf")[0].get_text()


def test_running_header_repeats_on_every_pdf_page_and_sits_in_the_docx_header() -> None:
    header = "江阴市交通运输局道路危险货物运输事故应急预案（V3.0）"
    pdf = pymupdf.open(FILES / "dept_transport.pdf")
    assert pdf.page_count >= 2 and all(header in page.get_text() for page in pdf)
    document = docx.Document(str(FILES / "dept_transport.docx"))
    assert document.sections[0].header.paragraphs[0].text == header
    assert header not in [p.text for p in document.paragraphs]


def test_plain_heading_plan_has_no_heading_styles_and_body_size_pdf_headings() -> None:
    document = docx.Document(str(FILES / "enterprise_confined_space.docx"))
    assert not [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    bold = [p.text for p in document.paragraphs if p.runs and all(r.bold for r in p.runs)]
    assert "2 应急组织机构及职责" in bold
    spans = [
        span
        for block in pymupdf.open(FILES / "enterprise_confined_space.pdf")[0].get_text("dict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
    ]
    size_of = {span["text"]: round(span["size"], 1) for span in spans}
    assert size_of["2 应急组织机构及职责"] == size_of["公司成立有限空间事故应急救援小组，成员如下："]


def test_only_renders_the_one_source_named(tmp_path: Path) -> None:
    from evals.plan_corpus import main

    assert main(["--only", "street_nanzha_confined_space_table", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["street_nanzha_confined_space_table.docx", "street_nanzha_confined_space_table.pdf"]
    assert (tmp_path / names[0]).read_bytes() == (FILES / names[0]).read_bytes()
    assert main(["--only", "no_such_plan", "--out", str(tmp_path)]) == 2
