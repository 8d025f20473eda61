"""A body's numbered items that are not its duties: an organisation written as a nested numbered list.

A 街道 or town office often writes its organisation as "1.街道应急指挥部" over "（1）总指挥：…", "（2）副总指挥：…",
"（3）成员：…", "（4）主要职责：①a；②b", and a group "（1）综合协调组" over "①组长单位：…", "②职责：a；b". Under an
"组织机构及职责" part every body's numbered items are read as its duties, so these items must be told apart: a
post label, a labelled duty line and a "办公室设在…" line are read by the sentence rules instead.
"""

from __future__ import annotations

import re

from plans.rules_meta import strip_number
from plans.rules_org_names import ROLE_HOLDER
from plans.rules_org_patterns import DUTY_LABEL, SEATED
from plans.structure import Block

# "办公室设在街道应急管理局，主任由…兼任" / "设在安环部" as the first item under the office's own line
_SEAT = re.compile(r"^(?:[^，。；]{0,12}?)(?:设在|设于)")


def structured_item(block: Block) -> bool:
    """Whether a numbered item under a body is a post ("总指挥：镇长"), a labelled duty line ("主要职责：①a；②b",
    "职责：a；b") or where the body sits ("办公室设在…") rather than one duty of the body."""
    text = strip_number(block.text.strip())
    if ROLE_HOLDER.match(text):
        # "组长：负责全面指挥" is a duty written against the post, kept on the duty path as before
        return not ROLE_HOLDER.match(text).group(2).startswith("负责")  # type: ignore[union-attr]
    label = DUTY_LABEL.match(text)
    if label and not label.group(1).strip():
        return True
    return bool(SEATED.match(text) or _SEAT.match(text))


# "2.1.1 领导小组职责" over one paragraph "批准启动和终止应急响应；调配全院人员和物资；向…报告": a bare run of
# "；" clauses under a duty heading is the body's duty list, written as one paragraph instead of list items
_CLAUSES = re.compile(r"^[^：:]+[；;][^：:]+$")


def duty_run(block: Block, previous: Block | None) -> bool:
    """Whether a block under an open duty list is one of its items: a list item, or a paragraph right under the
    "…职责" heading that is only "；"-separated clauses (no label, no subject set up by 由 / 设)."""
    text = block.text.strip()
    if block.kind == "list_item":
        return True
    under_heading = (
        previous is not None and previous.kind == "heading" and previous.text.strip().endswith("职责")
    )
    return (
        under_heading
        and block.kind == "paragraph"
        and bool(_CLAUSES.match(text))
        # "抢险救援组由X任组长，负责a；b": a sentence about who leads is read by the sentence rules
        and not re.search(r"由|^(?:设|下设|成立)", re.split(r"[；;]", text)[0])
    )


def duty_items(block: Block, circled: list[str]) -> list[str]:
    """The duties of one item: its ① items for a list item, its "；" clauses for a clause paragraph."""
    if block.kind == "list_item":
        return circled
    return [c.strip().rstrip("。") for c in re.split(r"[；;]", block.text.strip().rstrip("。")) if c.strip()]
