"""Posts written as "姓名——职务——职责" lines: "顾振华——总经理、组长——全面指挥事故处置；决定启动响应。",
"各车队安全员——组员——协助疏导交通；清点乘客人数。".

Small operators (a bus company, a hospital ward, a site team) list who holds which emergency post without a table:
the holder, then the day job and the emergency post (or the post alone), then what that post does. Each line is a
post of the body the line sits under — the body set up last above it (its heading, or the sentence "公司成立X，组成
人员及职责如下："): the title is the post after "、" (the day job before it is no field), the holder the first part as
written, the duties the third part's "；" clauses. The sentence rules read such a line as clauses of the body and
give it the clauses after the first; those belong to the post, so they are taken back off the body here.
Runs after ``plans.rules_org`` (which finds the bodies), like ``plans.rules_post_lines``.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.org_section_blocks import org_text_blocks, unit_set_up_above
from plans.rules_org_names import ROLE_TITLES
from plans.sections import Outline

_DASH = r"\s*[—–－―]{1,2}\s*"
# holder, job and post, duties: three parts joined by long dashes (a hyphen may sit inside a phone number)
_LINE = re.compile(
    rf"^\s*([^—–－―，,。；;：:]{{2,20}}?){_DASH}([^—–－―，,。；;：:]{{2,24}}?){_DASH}(.+?)\s*$"
)
_PHONE_ONLY = re.compile(r"^[\d\s\-－]+$")


def name_duty_line(text: str) -> tuple[str, str, list[str]] | None:
    """(post title, holder, duties) of a "姓名——职务、岗位——职责" line; None for any other text."""
    m = _LINE.match(text)
    if not m or _PHONE_ONLY.match(m.group(3)):
        return None  # "组长 — 徐国强 — 139…" is a post-and-phone line (plans.rules_post_lines)
    title = re.split(r"[、/／]", re.sub(r"\s", "", m.group(2)))[-1]
    if title not in ROLE_TITLES:
        return None  # the middle part must name an emergency post, else it is a dash inside a sentence
    duties = [d.strip().rstrip("。.；;") for d in re.split(r"[；;]", m.group(3))]
    return title, m.group(1).strip(), [d for d in duties if d]


def extract_name_duty_lines(draft: PlanDraft, outline: Outline) -> None:
    """Posts on "姓名——职务——职责" lines of the organisation section, each on the body set up last above it."""
    units = draft.data["org_units"]
    if not units:
        return
    set_up_at = draft.units_set_up_at()
    for block in org_text_blocks(draft, outline):
        line = name_duty_line(block.text)
        owner = unit_set_up_above(set_up_at, block.paragraph)
        if not line or owner is None:
            continue
        title, holder, duties = line
        roles = units[owner]["roles"]
        if any(r["title"] == title and r["holder"] == holder for r in roles):
            continue
        roles.append({"title": title, "holder": holder, "duties": duties})
        start = max(block.text.find(holder), 0)
        draft.cite(
            f"/org_units/{owner}/roles/{len(roles) - 1}",
            block.paragraph,
            start,
            start + len(holder),
            confidence=0.8,
        )
        for index in range(len(units)):  # the sentence rules' reading of the same clauses as a body's duties
            _drop_duties(draft, index, duties)


def _drop_duties(draft: PlanDraft, index: int, taken: list[str]) -> None:
    """Take ``taken`` off a unit's duties, moving the remaining duties' source pointers along."""
    old = draft.data["org_units"][index]["duties"]
    keep = [i for i, duty in enumerate(old) if duty not in taken]
    if len(keep) == len(old):
        return
    draft.data["org_units"][index]["duties"] = [old[i] for i in keep]
    new_index = {was: now for now, was in enumerate(keep)}
    prefix = f"/org_units/{index}/duties/"
    sources = []
    for ref in draft.sources:
        if ref.field.startswith(prefix):
            head, _, rest = ref.field[len(prefix) :].partition("/")
            if int(head) not in new_index:
                continue
            ref = ref.model_copy(
                update={"field": f"{prefix}{new_index[int(head)]}" + (f"/{rest}" if rest else "")}
            )
        sources.append(ref)
    draft.sources[:] = sources
