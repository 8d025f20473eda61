"""Posts written as lines rather than sentences: "组长 — 徐国强（项目经理） — 13906161258" and a group's
"组长 王建军（施工员）" after its name.

Small organisations (a site project department, a school, a hospital ward) often list their leadership as
one line per post, the post, the person and the mobile joined by dashes, with no table; and a group's
line may give its leader with a space instead of a colon ("抢险组：组长 张三（电工），组员为…"). Both
are posts of a body: the dash lines of the body set up last above them, the spaced post of the group the
line is about. The numbers on the dash lines are contacts; ``dash_line_contact`` reads who they reach.
Runs after ``plans.rules_org`` (which finds the bodies) and adds only posts it did not find.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.org_section_blocks import org_text_blocks, unit_set_up_above
from plans.rules_org_names import ROLE_TITLES, SPACED_TITLES, UNIT_SUFFIX, canonical
from plans.sections import Outline

_DASH = r"\s*[—–－―\-]{1,2}\s*"
_PHONE = r"(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})"
# a post: two to twelve characters, padded labels included ("组　长", "成　员")
_POST = r"[\u4e00-\u9fff](?:[\u4e00-\u9fff]|[ \u3000](?=[\u4e00-\u9fff])){1,11}"
# "组长 — 徐国强（项目经理） — 139…" / "成　员 — 各年级组长、班主任": post, holder, and an optional number
_DASH_POST_LINE = re.compile(rf"^\s*({_POST}){_DASH}([^—–－―\-\d][^—–－―]*?)(?:{_DASH}({_PHONE}))?\s*$")
# "徐国强（项目经理）" / "陈明（江阴澄信工程监理有限公司）": the person, and what the bracket says
_PERSON_BRACKET = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*(?:[（(]([^）)]{1,30})[)）])?$")
# a bracket naming a company or body rather than a post: that is where the person works
_BODY_WORD = re.compile(r"(?:公司|集团|局|院|所|站|中心|学校|中学|小学|部|处|科|队|委员会|政府|办事处)$")
# "抢险救援组：组长 王建军（施工员）": a group's line, its name first, its leader after a space
_GROUP_LABEL = re.compile(
    r"^\s*(?:[（(]?[\d一二三四五六七八九十]{1,3}[)）.、．]\s*)?([^\s：:，,。；;]{2,20}?)\s*[:：]"
)
_SPACED_POST = re.compile(
    rf"(?:^|[：:，,。；;])\s*({SPACED_TITLES})[ \u3000]+"
    r"([\u4e00-\u9fff]{2,4}(?:[（(][^）)]{1,20}[)）])?)(?=[，,。；;]|$)"
)
# "…，组员 各班班主任" / "组员 保安、校医": the members after a space are one holder as written, a listing included
_SPACED_MEMBERS = re.compile(
    r"(?:^|[：:，,。；;])\s*(组\s*员|成\s*员|队\s*员)[ \u3000]+([^\s，,。；;：:][^，,。；;：:]{1,60}?)\s*(?=[，,。；;]|$)"
)


# what a room or body ends with; a person's name ends with none of these
_PLACE_END = re.compile(r"(?:室|部|科|局|所|站|队|组|办|院|厂|处|中心|公司|社区|村)$")
# what a post ends with ("街道办事处主任", "夏港派出所所长", "安全员"); a person's name ends with none of these
_POST_END = re.compile(
    r"(?:主任|长|员|经理|书记|主管|工程师|指挥|会计|干事|委员|代表|负责人|总监|专班|单位)$"
)


def _name_first(first: str, second: str) -> bool:
    """Whether a dash line gives the person before the post ("周卫东—街道办事处主任—139…"), as contact lists
    in an appendix are often written, rather than the post first ("组长 — 徐国强（项目经理） — 139…")."""
    first = re.sub(r"\s", "", first)
    return (
        bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", first))
        and not _POST_END.search(first)
        and not _PLACE_END.search(first)  # "办公室—主任—0510-…": a room or body first is no person
        and re.sub(r"\s", "", first) not in ROLE_TITLES
        and bool(_POST_END.search(second.strip()) or second.strip() in ROLE_TITLES)
    )


def dash_post_line(text: str) -> tuple[str, str, str | None] | None:
    """(post, holder, number) of a "职务 — 姓名 — 手机" line (or "姓名 — 职务 — 手机"); None for any other text."""
    m = _DASH_POST_LINE.match(text)
    if not m or re.search(r"[，,。；;：:]", m.group(2)):
        return None  # a sentence with a dash in it is no post line
    post, holder = re.sub(r"\s", "", m.group(1)), m.group(2).strip()
    if _name_first(post, holder):
        post, holder = re.sub(r"\s", "", holder), post
    return post, holder, m.group(3)


def dash_line_contact(before: str) -> dict[str, str] | None:
    """Who the number that ends "组长 — 徐国强（项目经理） — " reaches: the person without the bracket,
    the post, and the bracket's body when it names one ("陈明（江阴澄信工程监理有限公司）")."""
    line = before[before.rfind("\n") + 1 :]
    # a PDF may run several such lines together: the number that ends the line before starts this one
    line = line[max((n.end() for n in re.finditer(_PHONE, line)), default=0) :]
    m = re.match(rf"^\s*({_POST}){_DASH}(.+?){_DASH}$", line)
    if m and _name_first(m.group(1), m.group(2)):  # "周卫东—街道办事处主任—": the person, then the post
        return {"name": re.sub(r"\s", "", m.group(1)), "role": re.sub(r"\s", "", m.group(2)), "org": ""}
    person = _PERSON_BRACKET.match(m.group(2).strip()) if m else None
    if not m or not person:
        return None
    bracket = person.group(2) or ""
    org = bracket if _BODY_WORD.search(bracket) else ""
    return {"name": person.group(1), "role": re.sub(r"\s", "", m.group(1)), "org": org}


def extract_post_lines(draft: PlanDraft, outline: Outline) -> None:
    """Posts on dash lines and spaced posts after a group's name, in the organisation section."""
    units = {u["name"]: i for i, u in enumerate(draft.data["org_units"])}
    if not units:
        return
    set_up_at = draft.units_set_up_at()
    for block in org_text_blocks(draft, outline):
        line = dash_post_line(block.text)
        if line:
            owner = unit_set_up_above(set_up_at, block.paragraph)
            if owner is not None:
                _add_role(draft, owner, line[0], line[1], block.paragraph, block.text)
            continue
        label = _GROUP_LABEL.match(block.text)
        named = canonical(label.group(1), units) if label and UNIT_SUFFIX.search(label.group(1)) else None
        if label is None or named is None:
            continue
        spaced = [
            *_SPACED_POST.finditer(block.text, label.end(1)),
            *_SPACED_MEMBERS.finditer(block.text, label.end(1)),
        ]
        for post in sorted(spaced, key=lambda m: m.start()):
            _add_role(
                draft,
                units[named],
                re.sub(r"\s", "", post.group(1)),
                post.group(2),
                block.paragraph,
                block.text,
            )


def _add_role(draft: PlanDraft, unit: int, title: str, holder: str, paragraph: int, text: str) -> None:
    roles = draft.data["org_units"][unit]["roles"]
    if any(r["title"] == title and r["holder"] in (holder, None) for r in roles):
        return
    roles.append({"title": title, "holder": holder, "duties": []})
    start = max(text.find(holder), 0)
    draft.cite(
        f"/org_units/{unit}/roles/{len(roles) - 1}", paragraph, start, start + len(holder), confidence=0.8
    )
