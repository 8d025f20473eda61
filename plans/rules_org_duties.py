"""Roles and duties written in one clause of the organisation section ("队长由镇武装部部长担任，负责圩堤
险情抢护", "成员由…组成", "组长为…"), adding duties to a unit, and the unit roles fall back to."""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft
from plans.rules_meta import strip_number
from plans.rules_org_names import HQ_SUFFIX, ROLE_TITLES, SPACED_TITLES, UNIT_SUFFIX, canonical
from plans.rules_org_patterns import MEMBERS_ARE, ROLE_AS, ROLE_REN, UNIT_LEAD
from plans.structure import Block

_ROLE_HOLDER_INLINE = re.compile(rf"(?:^|[；;。])\s*({SPACED_TITLES})\s*[:：]\s*([^。；;]{{1,60}})")
ROLE_IS = re.compile(rf"(?:^|[，,；;])\s*({'|'.join(ROLE_TITLES)})\s*(?:为|是)\s*([^，。；;]{{2,40}})")
# "总指挥由镇长担任" and "设总指挥1名，由镇长担任" (a head count between the post and its holder)
ROLE_BY = re.compile(
    rf"({'|'.join(ROLE_TITLES)})\s*(?:[0-9一二两三四五六七八九十]+\s*[名人个]\s*[，,]?)?\s*由\s*([^，。；;]{{2,40}}?)\s*(?:担任|兼任)"
)
DUTY_VERB = re.compile(
    r"^(?:负责|组织(?!机构|体系|架构|结构)|协调|承担|指导|做好|开展|落实|督促|配合|参与|及时|根据|按照|提供|保障|统一|指挥(?!部)|决定|研究|审定)"
)
# "成员由镇安监办、…主要负责人组成": the member list is one 成员 holder
_MEMBERS_COMPOSED = re.compile(
    r"(?:^|[，,；;])\s*(成员单位|成员)\s*由\s*([^，。；;]{2,200}?)\s*(?:等\s*)?(?:单位|部门)?(?:组成|构成)"
)

_CREW_COMPOSED = re.compile(
    r"(?:^|[，,；;])\s*(组员|队员)\s*由\s*([^，。；;]{2,200}?)\s*(?:等\s*)?(?:人员)?(?:组成|构成)"
)
# "组长汤卫东，组员为…": a group post written straight before its holder's name, no colon, 由 or 为 (a
# two- or three-character name closed by the clause; a word that is a verb, a post or a body is no name)
_TITLE_BARE_NAME = re.compile(
    r"(?:^|[，,；;。：:])\s*(副组长|组长|副队长|队长|副站长|站长|副班长|班长)"
    r"([\u4e00-\u9fff]{2,3})(?=\s*[，,；;。]|\s*$)"
)
_NOT_A_NAME = re.compile(
    r"^(?:由|为|是|任|担|兼|负|对|在|和|及|等|应|要|须|到|赶|带|组织|协调|指挥|单位|人员|职责)|[长员部室组办科处队站位责人]$"
)
# "组员为A、B和C" / "成员单位包括A、B、…C": a member listing of any length (the one holder string)
_MEMBERS_LISTED = re.compile(
    r"(?:^|[，,；;])\s*(成员单位|成员|组员|队员)\s*(?:为|是|包括|有)\s*[:：]?\s*([^，。；;]{2,200})"
)


def roles_and_duty(
    text: str, owner: str, block: Block, offset: int, role: Any, draft: PlanDraft, units: dict[str, int]
) -> None:
    """ "队长由镇武装部部长担任，负责圩堤险情抢护": roles by "由…担任" and the "负责…" clause as a duty."""
    for m in ROLE_BY.finditer(text):
        # "办公室主任由安全环保部经理兼任": the post of the unit named just before the title
        named = re.search(r"([^，,。；;：:、\s]{2,20})$", text[: m.start()])
        holder_of = canonical(named.group(1), units) if named and UNIT_SUFFIX.search(named.group(1)) else None
        who = holder_of or owner
        role(who, m.group(1), m.group(2).strip() or None, block, offset + m.start(), offset + m.end())
    for m in _ROLE_HOLDER_INLINE.finditer(text):
        role(owner, m.group(1), m.group(2).strip() or None, block, offset + m.start(), offset + m.end())
    # "以保全车间主任为组长", "由罐区主任担任组长", "各部门经理为成员"
    for title, holder, start, end in appointed_roles(text):
        role(owner, title, holder, block, offset + start, offset + end)
    listed = {m.start(): m for m in _MEMBERS_LISTED.finditer(text)}  # a long listing is one holder
    said = [m for m in ROLE_IS.finditer(text) if m.start() not in listed] + list(listed.values())
    for m in sorted(said, key=lambda m: m.start()):  # "组长为运输管理科科长"
        role(owner, m.group(1), m.group(2).strip() or None, block, offset + m.start(), offset + m.end())
    for m in _MEMBERS_COMPOSED.finditer(text):
        role(owner, m.group(1), m.group(2).strip(), block, offset + m.start(), offset + m.end())
    for m in _TITLE_BARE_NAME.finditer(text):
        if not _NOT_A_NAME.search(m.group(2)) and not DUTY_VERB.match(m.group(2)):
            role(owner, m.group(1), m.group(2), block, offset + m.start(1), offset + m.end())
    duty = duty_clause(text)
    if duty:
        add_duties(draft, units[owner], block, [duty])
    elif DUTY_VERB.match(text) and not ROLE_BY.search(text):
        add_duties(draft, units[owner], block, re.split(r"[；;]", text))


def duty_clause(text: str, lead: str = r"(?:^|[，,])") -> str | None:
    """The "负责…" clause of a sentence, up to a later clause that names a post's holder: "负责日常值守，办公室主任
    由A兼任" is the duty "负责日常值守" (the appointment is a role, not part of what the unit does)."""
    duty = re.search(lead + r"\s*(负责[^；;。]+)", text)
    if not duty:
        return None
    kept: list[str] = []
    for clause in re.split(r"(?<=[，,])", duty.group(1)):
        if kept and (ROLE_BY.search(clause) or re.search(r"由[^，,]{1,30}?(?:担任|兼任)", clause)):
            break
        kept.append(clause)
    return "".join(kept).rstrip("，, ")


def appointed_roles(text: str) -> list[tuple[str, str | None, int, int]]:
    """(title, holder, start, end) of the posts "X任Y" appoints ("由镇长任指挥长", "分管副镇长任副指挥长"),
    then of the member lists "…主要负责人为成员" (the list before the title is one holder)."""
    out: list[tuple[str, str | None, int, int]] = []
    for m in ROLE_REN.finditer(text):
        holder = re.sub(r"^(?:\S{0,8}由)", "", m.group(1)).strip()
        out.append((m.group(2), holder or None, m.start(), m.end()))
    for m in ROLE_AS.finditer(text):  # "以总经理为总指挥，以生产厂长为副总指挥"
        out.append((m.group(2), m.group(1).strip(), m.start(), m.end()))
    for m in MEMBERS_ARE.finditer(text):
        out.append((m.group(2), m.group(1).strip(), m.start(), m.end()))
    for m in _CREW_COMPOSED.finditer(text):  # "组员由A、B和C组成": the listing is the 组员 holder
        out.append((m.group(1), m.group(2).strip(), m.start(), m.end()))
    return out


def composed_roles(listing: str) -> list[tuple[str, str | None]]:
    """ "由总指挥、副总指挥和A、B、C组成": the titles named bare (their holders come later, None) and one
    成员 role holding the rest of the list as written."""
    out: list[tuple[str, str | None]] = []
    members = []
    for member in re.split(r"[、，,和及]", listing):
        member = member.strip()
        title = next((t for t in ROLE_TITLES if member == t), None)
        if title:
            out.append((title, None))
        elif len(member) >= 2:
            members.append(member)
    if members:
        holder = listing.strip()
        first = holder.find(members[0])
        out.append(("成员", holder[first:] if first > 0 else holder))
    return out


def add_duties(draft: PlanDraft, index: int, block: Block, duties: list[str]) -> None:
    entry = draft.data["org_units"][index]["duties"]
    for duty in duties:
        duty = strip_number(duty.strip()).rstrip("。；;")  # "（一）贯彻落实…" inside one paragraph
        if duty and duty not in entry:
            entry.append(duty)
            s, e = draft.span(block.paragraph, duty)
            draft.cite(f"/org_units/{index}/duties/{len(entry) - 1}", block.paragraph, s, e, confidence=0.75)


def add_set_up_duties(draft: PlanDraft, units: dict[str, int], set_up: dict[str, tuple[Block, str]]) -> None:
    """ "成立X（以下简称…），负责统一领导…": the duty a body is set up for is its duty, unless the text gives
    the body a duty list of its own ("X主要职责：a；b"), which says the same in detail."""
    for name, (block, duty) in set_up.items():
        if name in units and not draft.data["org_units"][units[name]]["duties"]:
            add_duties(draft, units[name], block, [duty])


def duty_runs_on(item: str, sentence: str, text: str) -> bool:
    """Whether the clauses after a group's item run on as its duties: the item is a duty ("负责a；") or ends
    in one after its posts ("由A任组长，负责a；"), and the sentence goes on past a "；" (the clause after
    "负责a；" is a duty whatever its verb: "X组由A任组长，负责a；b。" gives a and b) — unless the next clause
    opens another group ("一班班长由A担任，负责a；二班班长由B担任…")."""
    duty = bool(DUTY_VERB.match(item)) or bool(re.search(r"[，,]\s*负责", item))
    if not duty or sentence.rstrip()[-1:] not in "；;":
        return False
    at = text.find(sentence)
    after = text[at + len(sentence) :].lstrip() if at >= 0 else ""
    return not UNIT_LEAD.match(strip_number(after))


def group_parent(groups_under: tuple[int, str] | None, name: str) -> str | None:
    return groups_under[1] if groups_under and groups_under[1] != name else None


def default_unit(units: dict[str, int], draft: PlanDraft, block: Block, make: Any) -> str:
    """Roles outside any unit heading belong to the command HQ (a 领导小组 / 委员会 in department plans)."""
    for name in units:
        if "指挥部" in name and "办公室" not in name:
            return name
    hq = next((name for name in units if HQ_SUFFIX.search(name)), None)
    if hq:
        return hq
    make("应急指挥部", block, None)
    return "应急指挥部"
