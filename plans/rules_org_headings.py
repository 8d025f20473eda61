"""What a line of the organisation section heads: a unit ("2.3 抢险救援组"), a category of units
("2.4 应急救援小组" over several groups), a duty list ("2.2.1 指挥部职责", "2.2.2 总指挥职责"), and
posts written side by side on one line ("组长：A　　副组长：B").

A body-size heading in a PDF ("综合协调组" alone on its line, the text below) is a paragraph to the
layout; ``unit_line`` lets the organisation rules read it as the heading it is.
"""

from __future__ import annotations

import itertools
import re

from plans.draft import sentences
from plans.rules_meta import strip_number
from plans.rules_org_group_lists import listed_groups, name_stop_as_colon
from plans.rules_org_group_runs import split_group_intro
from plans.rules_org_names import ROLE_TITLES, SPACED_TITLES, STANDING_ROOM, UNIT_SUFFIX
from plans.rules_org_tables import group_names
from plans.structure import Block

GENERIC_HEADING = re.compile(
    r"^(?:应急)?(?:组织机构|组织体系|组织架构|指挥机构|指挥体系|机构)(?:及|与|和)?(?:其)?(?:职责|主要职责)?$|^(?:主要)?职责$"
    r"|^(?:现场|应急|专项|专业|各|各专业|各专项|其他|其它)?(?:工作组|工作小组|小组|专业组|工作专班|专班)(?:及其?|和)?(?:组成|设置|职责|主要职责)*$"  # a category, not one unit
)
# "2.2.1 指挥部职责" / "总指挥的主要职责" / "职责分工": the items below are duties
_DUTY_SUFFIX = re.compile(r"(?:及其|及|的)?(?:主要)?(?:职责|任务)(?:分工)?$")
# Posts padded into columns on one line: a full-width space or a run of spaces before the next "<title>："
_BARE_UNIT = re.compile(r"^\s*(?:[■□●○◆◇▪▫•·◎➢►▶]\s*)?[\u4e00-\u9fff]{1,12}(?:组|队|专班)[\s\u3000]*$")
_WIDE_GAP_LABEL = re.compile(rf"(?:\u3000|[ \t]{{2,}})[ \u3000\t]*(?=(?:{SPACED_TITLES})\s*[:：])")


def unit_name(title: str) -> str | None:
    title = strip_number(title).strip()
    if GENERIC_HEADING.match(title) or len(title) > 20:
        return None
    title = _DUTY_SUFFIX.sub("", title)
    return title if UNIT_SUFFIX.search(title) or STANDING_ROOM.match(title) else None


def duty_heading(title: str) -> str | None:
    """The subject of a duty heading ("指挥部职责" → 指挥部, "总指挥职责" → 总指挥, "职责分工" → ""),
    None when the heading is not one. A heading may keep the colon of the line it was ("总指挥职责：")."""
    title = strip_number(title).strip().rstrip("：:")
    return _DUTY_SUFFIX.sub("", title) if _DUTY_SUFFIX.search(title) else None


def role_title(subject: str) -> str | None:
    """A post title a duty heading is about ("总指挥" in "2.2.2 总指挥职责")."""
    subject = re.sub(r"\s+", "", subject)
    return subject if subject in ROLE_TITLES else None


def unit_line(block: Block) -> str | None:
    """A paragraph that is only a unit's name, no punctuation: a heading set in the body font."""
    text = block.text.strip()
    if block.kind != "paragraph" or len(text) > 16 or re.search(r"[，,。；;：:、（）()\s]", text):
        return None
    return unit_name(text)


def label_clauses(text: str) -> list[tuple[int, int, str]]:
    """``sentences`` of a block, also split where posts sit side by side on one line, padded apart
    ("总指挥：镇长　　副总指挥：副镇长　　成员：…"): each post is its own clause; a counting intro
    ("指挥部设两个工作组：") is cut off the first group it opens."""
    out: list[tuple[int, int, str]] = []
    for start, _end, sentence in sentences(name_stop_as_colon(text)):
        gaps = [m.end() for m in _WIDE_GAP_LABEL.finditer(sentence)]
        # "■ 灭火组　组长：A": a unit named alone before the gap leads its own posts (no side-by-side posts)
        gaps = gaps[1:] if gaps and _BARE_UNIT.match(sentence[: gaps[0]]) else gaps
        cuts = [0, *gaps, len(sentence)]
        for a, b in itertools.pairwise(cuts):
            part = sentence[a:b].rstrip(" \u3000\t")
            if part.strip():
                out.append((start + a, start + a + len(part), part))
    return split_group_intro(out)


def lists_groups(blocks: list[Block], at: int, level: int) -> bool:
    """A 组 / 指挥部 heading whose section lists several bodies of its own kind (a table, or sub-headings)
    names the category ("2.4 专项指挥部" over four 指挥部), not a unit; a 指挥部 with groups under it is
    still a unit."""
    kind = re.search(r"(组|队|指挥部)$", unit_name(blocks[at].text) or "")
    if not kind:
        return False
    same = ("指挥部",) if kind.group(1) == "指挥部" else ("组", "队", "班")  # "抢修班组" over 城东抢修班, …
    following = next((b for b in blocks[at + 1 :] if b.text.strip()), None)
    if following is not None and following.kind != "heading" and _POST_LINE.match(following.text.strip()):
        return False  # "医疗组" then "组长：A；组员：B": a body with its own posts, whatever follows it
    groups = 0
    for block in blocks[at + 1 :]:
        if block.kind == "heading" and (block.heading_level or 1) <= level:
            break
        if block.kind == "heading":
            groups += bool((unit_name(block.text) or "").endswith(same))
        elif block.kind == "table" and block.cells:
            groups += sum(1 for name in group_names(block.cells) if name.endswith(same))
        else:  # "（1）灭火组：组长由…担任。负责…" paragraphs, one per group
            lead = _GROUP_LEAD.match(name_stop_as_colon(strip_number(block.text)))
            groups += bool(lead and lead.group(1).endswith(same))
            # "应急办公室下设A组、B组和C组": the groups named in one sentence, set up by another body
            groups += sum(
                n.endswith(same) for n in listed_groups(block.text, unit_name(blocks[at].text) or "")
            )
    return groups >= 2


_POST_LINE = re.compile(r"^(?:组长|副组长|总指挥|副总指挥|主任|副主任|队长|指挥长)\s*[:：]")
_GROUP_LEAD = re.compile(r"^([^，。：:；;、\s]{2,12}(?:组|队|指挥部))\s*[:：]")
