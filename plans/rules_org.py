"""Rules for people and things: org units and roles (组织机构及职责), contacts (tables and phone
numbers in text), resources (tables with quantities).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from agents.llm.vocab import parse_count
from plans.draft import PlanDraft, sentences
from plans.rules_meta import strip_number
from plans.sections import Outline
from plans.structure import Block, table_cell

_UNIT_SUFFIX = re.compile(r"(指挥部|办公室|工作组|小组|救援组|[^\s]{1,10}组|中心|队|分队|专家组|委员会)$")
_GENERIC_HEADING = re.compile(
    r"^(?:应急)?(?:组织机构|组织体系|组织架构|指挥机构|指挥体系|机构)(?:及|与|和)?(?:其)?(?:职责|主要职责)?$|^(?:主要)?职责$"
    r"|^(?:现场|应急|专项)?(?:工作组|工作小组|小组)(?:及其?|和)?(?:组成|职责|主要职责)*$"  # a category, not one unit
)
_ALIAS = re.compile(r"[（(]以下简称[“\"]?([^）)”\"]{2,20})[”\"]?[)）]")
_SETS_UP = re.compile(
    r"(?:设立|成立|组建|下设)(?:了)?([^，。；、（(：:]{2,20}?(?:指挥部|办公室|工作组|小组|中心))"
)
_GROUP_COLUMN = re.compile(r"工作组|小组|组别|机构|名称|组名|队伍")
_ROLE_COLUMN = re.compile(r"^(?:组长|副组长|牵头单位|负责人|成员|成员单位|队长|副队长|主任|副主任)$")
_POST_COLUMN = re.compile(r"岗位|职务|角色|职位")
_PERSON_COLUMN = re.compile(r"人员|姓名|担任|负责人")
_DUTY_COLUMN = re.compile(r"职责|任务")
ROLE_TITLES = (
    "副总指挥", "总指挥", "副指挥长", "指挥长", "现场总指挥", "现场指挥", "副组长", "组长", "副主任", "主任",
    "副队长", "队长", "成员单位", "成员", "联络员", "负责人", "秘书长", "副指挥", "指挥",
)  # fmt: skip
_ROLE_HOLDER = re.compile(rf"^({'|'.join(ROLE_TITLES)})\s*[:：]\s*([^。；;]{{1,60}})")
_ROLE_HOLDER_INLINE = re.compile(rf"(?:^|[；;。])\s*({'|'.join(ROLE_TITLES)})\s*[:：]\s*([^。；;]{{1,60}})")
_ROLE_REN = re.compile(
    rf"(?:^|[，,])\s*([^，,。；]{{2,30}}?)\s*(?:担)?任\s*({'|'.join(ROLE_TITLES)})(?=[，,。；]|$)"
)
_ROLE_BY = re.compile(rf"({'|'.join(ROLE_TITLES)})\s*由\s*([^，。；;]{{2,40}}?)\s*(?:担任|兼任)")
_COMPOSED = re.compile(r"^(.{2,20}?)由\s*([^，。；]{2,200}?)\s*(?:等\s*)?(?:单位|部门)?(?:组成|构成)")
_UNIT_LEAD = re.compile(
    r"^([^，。：:；、]{2,20}?(?:指挥部|办公室|工作组|小组|[^，。：:；、\s]{1,10}组|中心|突击队|救援队|抢险队|[^，。：:；、\s]{1,10}队))\s*[，,：:]\s*(.+)$"
)
_NOT_A_NAME = re.compile(r"^(?:由|在)|设在|设于|设立|成立|组建|位于|下设|负责|根据|按照|是|为")
_SUBJECT = re.compile(r"^(?:本|该)?(?:指挥部|办公室|小组|工作组|该组|本组|队伍)(?=负责)")
_DUTY_VERB = re.compile(
    r"^(?:负责|组织|协调|承担|指导|做好|开展|落实|督促|配合|参与|及时|根据|按照|提供|保障|统一|指挥(?!部)|决定|研究|审定)"
)
_DUTY_LABEL = re.compile(r"^[^，。；]{0,20}?(?:主要)?(?:职责|任务)(?:是|为|如下)?\s*[:：]\s*(.+)$", re.S)

_PHONE = re.compile(r"(?<!\d)(0\d{2,3}-?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}|110|119|120|122|12345|12350)(?!\d)")
EMERGENCY_NUMBERS = {
    "110": "公安报警", "119": "消防救援", "120": "医疗急救", "122": "交通事故报警",
    "12345": "政务服务热线", "12350": "安全生产举报投诉",
}  # fmt: skip

_HEADER_NAME = re.compile(r"姓名|联系人")
_HEADER_ROLE = re.compile(r"职务|岗位|职责|职位|角色")
_HEADER_ORG = re.compile(r"单位|部门|组别|机构|小组")
_HEADER_PHONE = re.compile(r"电话|手机|联系方式|号码")
_HEADER_RES_NAME = re.compile(r"名称|物资|装备|器材|队伍|设施|品名")
_HEADER_QTY = re.compile(r"数量|人数|库存|规模")
_HEADER_UNIT = re.compile(r"^(?:计量)?单位$")
# who holds a resource: the keeper if named, else the owning unit, else where it is stored
_HOLDER_PRIORITY = (
    re.compile(r"保管人|负责人|责任人|管理人"),
    re.compile(r"所属|责任单位|管理单位|保管单位|归属"),
    re.compile(r"存放|地点|位置"),
)


def _unit_name(title: str) -> str | None:
    title = strip_number(title).strip()
    if _GENERIC_HEADING.match(title) or len(title) > 20:
        return None
    title = re.sub(r"(?:及其|及|的)?(?:主要)?职责$", "", title)
    return title if _UNIT_SUFFIX.search(title) else None


def extract_org_units(draft: PlanDraft, outline: Outline) -> None:
    blocks = draft.blocks
    units: dict[str, int] = {}
    aliases: dict[str, str] = {}
    current: str | None = None
    set_up: str | None = None  # the unit a "设立现场指挥部，下设以下工作组" sentence introduced
    stack: list[tuple[int, str]] = []  # (heading level, unit name)

    def unit(name: str, block: Block, parent: str | None, start: int = 0, end: int | None = None) -> int:
        if name not in units:
            units[name] = draft.add(
                "org_units", {"name": name, "parent": parent, "duties": [], "roles": []},
                block.paragraph, start, end, confidence=0.85, method="structure" if block.kind == "heading" else "rule",
            )  # fmt: skip
        return units[name]

    def role(unit_name: str, title: str, holder: str | None, block: Block, start: int, end: int) -> None:
        index = units[unit_name]
        roles = draft.data["org_units"][index]["roles"]
        if any(
            r["title"] == title and r["holder"] in (holder, None if holder is None else "\0") for r in roles
        ):
            return
        if holder is None and title == "成员":
            return  # "由总指挥、副总指挥和成员组成": the members are listed elsewhere
        vacant = next((n for n, r in enumerate(roles) if r["title"] == title and r["holder"] is None), None)
        if vacant is not None and holder is not None:
            roles[vacant]["holder"] = holder  # "由总指挥…组成" then "总指挥：街道办事处主任"
            draft.cite(
                f"/org_units/{index}/roles/{vacant}/holder", block.paragraph, start, end, confidence=0.85
            )
            return
        roles.append({"title": title, "holder": holder, "duties": []})
        draft.cite(f"/org_units/{index}/roles/{len(roles) - 1}", block.paragraph, start, end, confidence=0.85)

    for block in blocks:
        skeleton = outline.block_skeleton[block.paragraph]
        if skeleton != "组织机构及职责":
            if block.kind == "heading":
                current, stack = None, []
            continue
        if block.kind == "heading":
            level = block.heading_level or 1
            while stack and stack[-1][0] >= level:
                stack.pop()
            name = _unit_name(block.text)
            set_up = None
            if name:
                name = _canonical(name, units, aliases) or name
                parent = stack[-1][1] if stack else _headquarters(units, name)
                unit(name, block, parent)
                stack.append((level, name))
                current = name
            else:
                current = stack[-1][1] if stack else None
            continue
        if block.kind == "table":
            _org_table(draft, block, set_up or current, units, aliases, unit, role, _default_unit)
            continue
        labelled = _DUTY_LABEL.match(strip_number(block.text.strip()))
        if labelled and (current or units):
            duty_owner = current or _default_unit(units, draft, block, unit)
            _add_duties(draft, units[duty_owner], block, re.split(r"[；;]", labelled.group(1)))
            continue
        for start, _end, sentence in sentences(block.text):
            text = sentence.strip().rstrip("。；;")
            text = strip_number(text)
            offset = start + sentence.find(text[:4]) if text else start
            for alias in _ALIAS.finditer(text):
                if current:
                    aliases[alias.group(1)] = current
            first_created: str | None = None
            for created in _SETS_UP.finditer(text):
                name = created.group(1)
                known = _canonical(name, units, aliases)
                parent = (
                    first_created
                    or current
                    or next((u for u in units if "指挥部" in u and "办公室" not in u), None)
                )
                generic = _GENERIC_HEADING.match(name) or re.match(
                    r"^(?:以下|下列|如下|若干|相应|有关|各)", name
                )
                if known is None and (parent or not units) and parent != name and not generic:
                    unit(name, block, parent, offset + created.start(1), offset + created.end(1))
                    first_created = first_created or name
                    set_up = first_created  # "设立现场指挥部，下设…工作组": the groups below sit under it
            composed = _COMPOSED.match(text)
            owner = None
            if composed:
                raw = re.sub(r"(成员单位|成员|组成人员|组成单位)$", "", composed.group(1))
                if not raw and current:
                    owner = current
                elif raw and _UNIT_SUFFIX.search(raw):
                    owner = _canonical(raw, units, aliases) or raw
            if composed and owner:
                unit(owner, block, current if current != owner else None, offset, offset + len(text))
                current = current or owner
                members = []
                for member in re.split(r"[、，,和及]", composed.group(2)):
                    member = member.strip()
                    title = next((t for t in ROLE_TITLES if member == t), None)
                    if title:
                        role(owner, title, None, block, offset, offset + len(text))
                    elif len(member) >= 2:
                        members.append(member)
                if members:  # one "成员" role holding the list as written
                    holder = composed.group(2).strip()
                    first = holder.find(members[0])
                    role(
                        owner,
                        "成员",
                        holder[first:] if first > 0 else holder,
                        block,
                        offset,
                        offset + len(text),
                    )
                continue
            lead = (
                _UNIT_LEAD.match(text) if block.kind == "list_item" or not _ROLE_HOLDER.match(text) else None
            )
            if lead and not _GENERIC_HEADING.match(lead.group(1)) and not _NOT_A_NAME.search(lead.group(1)):
                name = _canonical(lead.group(1), units, aliases) or lead.group(1)
                if name not in units:
                    unit(
                        name,
                        block,
                        _headquarters(units, name) if name != current else None,
                        offset,
                        offset + len(text),
                    )
                _roles_and_duty(lead.group(2), name, block, offset + lead.start(2), role, draft, units)
                continue
            appointed = list(_ROLE_REN.finditer(text))  # "由镇长任指挥长" / "分管副镇长任副指挥长"
            if appointed:
                owner = current or _default_unit(units, draft, block, unit)
                for m in appointed:
                    holder = re.sub(r"^(?:\S{0,8}由)", "", m.group(1)).strip()
                    role(owner, m.group(2), holder or None, block, offset + m.start(), offset + m.end())
                for clause in re.split(r"[，,]", text):
                    members = _COMPOSED.match(clause.strip())
                    if members and re.sub(r"(成员单位|成员|组成人员|组成单位)$", "", members.group(1)) == "":
                        role(owner, "成员", members.group(2).strip(), block, offset, offset + len(text))
                continue
            found = [m for m in [_ROLE_HOLDER.match(text)] if m] or list(_ROLE_BY.finditer(text))
            if found:
                owner = current or _default_unit(units, draft, block, unit)
                if _ROLE_HOLDER.match(text):
                    m = found[0]
                    role(
                        owner,
                        m.group(1),
                        m.group(2).strip().strip("。；;") or None,
                        block,
                        offset + m.start(),
                        offset + m.end(),
                    )
                else:
                    _roles_and_duty(text, owner, block, offset, role, draft, units)
                continue
            text = _SUBJECT.sub("", text)
            dm = _DUTY_LABEL.search(text)
            duties = [d.strip() for d in re.split(r"[；;]", dm.group(1)) if d.strip()] if dm else []
            if not duties and _DUTY_VERB.match(text) and current:
                duties = [text]
            if duties and current:
                _add_duties(draft, units[current], block, duties)


def _roles_and_duty(
    text: str, owner: str, block: Block, offset: int, role: Any, draft: PlanDraft, units: dict[str, int]
) -> None:
    """ "队长由镇武装部部长担任，负责圩堤险情抢护": roles by "由…担任" and the "负责…" clause as a duty."""
    for m in _ROLE_BY.finditer(text):
        role(owner, m.group(1), m.group(2).strip() or None, block, offset + m.start(), offset + m.end())
    for m in _ROLE_HOLDER_INLINE.finditer(text):
        role(owner, m.group(1), m.group(2).strip() or None, block, offset + m.start(), offset + m.end())
    duty = re.search(r"(?:^|[，,])\s*(负责[^；;。]+)", text)
    if duty:
        _add_duties(draft, units[owner], block, [duty.group(1)])
    elif _DUTY_VERB.match(text) and not _ROLE_BY.search(text):
        _add_duties(draft, units[owner], block, re.split(r"[；;]", text))


def _add_duties(draft: PlanDraft, index: int, block: Block, duties: list[str]) -> None:
    entry = draft.data["org_units"][index]["duties"]
    for duty in duties:
        duty = duty.strip().rstrip("。；;")
        if duty and duty not in entry:
            entry.append(duty)
            s, e = draft.span(block.paragraph, duty)
            draft.cite(f"/org_units/{index}/duties/{len(entry) - 1}", block.paragraph, s, e, confidence=0.75)


def _headquarters(units: dict[str, int], name: str) -> str | None:
    """Offices and working groups without a parent heading belong to the command HQ (GB/T 29639)."""
    if "指挥部" in name and "办公室" not in name:
        return None
    return next((u for u in units if "指挥部" in u and "办公室" not in u), None)


def _canonical(name: str, units: dict[str, int], aliases: dict[str, str] | None = None) -> str | None:
    """ "指挥部" in a sentence refers to the already-known "应急指挥部"; "以下简称" aliases too."""
    if aliases and name in aliases:
        return aliases[name]
    for known in units:
        if known.endswith(name) or name.endswith(known):
            return known
    return None


def _org_table(
    draft: PlanDraft,
    block: Block,
    parent: str | None,
    units: dict[str, int],
    aliases: dict[str, str],
    unit: Any,
    role: Any,
    default: Any,
) -> None:
    """Working-group tables (组别 | 组长 | 成员单位 | 职责) and post tables (岗位 | 人员 | 职责)."""
    if not block.cells or len(block.cells) < 2:
        return
    header = block.cells[0]
    duty_col = next((i for i, h in enumerate(header) if _DUTY_COLUMN.search(h)), None)
    group_col = next((i for i, h in enumerate(header) if _GROUP_COLUMN.search(h)), None)
    if group_col is not None and any(
        _UNIT_SUFFIX.search(r[group_col]) for r in block.cells[1:] if group_col < len(r)
    ):
        role_cols = [i for i, h in enumerate(header) if _ROLE_COLUMN.match(h.strip())]
        for row in block.cells[1:]:
            name = row[group_col].strip() if group_col < len(row) else ""
            if not name or not _UNIT_SUFFIX.search(name):
                continue
            name = _canonical(name, units, aliases) or name
            if parent is None and units and name not in units:
                parent = next((u for u in units if "指挥部" in u and "办公室" not in u and u != name), None)
            unit(name, block, parent if parent != name else None)
            if parent is None and "指挥部" in name and "办公室" not in name:
                parent = name  # first row is the HQ ("指挥层 | 应急救援指挥部"); the rows below sit under it
            for col in role_cols:
                if col < len(row) and row[col].strip():
                    cell = row[col].strip()
                    titled = _ROLE_HOLDER.match(cell)  # "总指挥：总经理" in a 负责人 column
                    title, holder = (
                        (titled.group(1), titled.group(2)) if titled else (header[col].strip(), cell)
                    )
                    role(name, title, holder, block, 0, len(block.text))
            if duty_col is not None and duty_col < len(row) and row[duty_col].strip():
                duty = row[duty_col].strip().rstrip("。；;")
                index = units[name]
                duties = draft.data["org_units"][index]["duties"]
                if duty not in duties:
                    duties.append(duty)
                    draft.cite(
                        f"/org_units/{index}/duties/{len(duties) - 1}", block.paragraph, confidence=0.85
                    )
        return
    post_col = next((i for i, h in enumerate(header) if _POST_COLUMN.search(h)), None)
    if post_col is None or any(_HEADER_PHONE.search(h) for h in header):
        return
    person_col = next((i for i, h in enumerate(header) if i != post_col and _PERSON_COLUMN.search(h)), None)
    owner = parent or default(units, draft, block, unit)
    index = units[owner]
    for row in block.cells[1:]:
        title = row[post_col].strip() if post_col < len(row) else ""
        if not title:
            continue
        holder = row[person_col].strip() if person_col is not None and person_col < len(row) else ""
        role(owner, title, holder or None, block, 0, len(block.text))
        roles = draft.data["org_units"][index]["roles"]
        target = next((r for r in roles if r["title"] == title and r["holder"] == (holder or None)), None)
        if target is not None and duty_col is not None and duty_col < len(row) and row[duty_col].strip():
            duty = row[duty_col].strip().rstrip("。；;")
            if duty not in target["duties"]:
                target["duties"].append(duty)
                n = roles.index(target)
                draft.cite(
                    f"/org_units/{index}/roles/{n}/duties/{len(target['duties']) - 1}",
                    block.paragraph,
                    confidence=0.85,
                )


def _default_unit(units: dict[str, int], draft: PlanDraft, block: Block, make: Any) -> str:
    """Roles outside any unit heading belong to the command HQ."""
    for name in units:
        if "指挥部" in name and "办公室" not in name:
            return name
    make("应急指挥部", block, None)
    return "应急指挥部"


def _column(header: list[str], pattern: re.Pattern[str], taken: set[int]) -> int | None:
    for i, cell in enumerate(header):
        if i not in taken and pattern.search(cell):
            taken.add(i)
            return i
    return None


def extract_tables(draft: PlanDraft) -> None:
    """Contact tables (a phone column) and resource tables (a quantity column)."""
    for block in draft.blocks:
        if block.kind != "table" or not block.cells or len(block.cells) < 2:
            continue
        header = block.cells[0]
        taken: set[int] = set()
        phone = _column(header, _HEADER_PHONE, taken)
        if phone is not None:
            name_col = _column(header, _HEADER_NAME, taken)
            role_col = _column(header, _HEADER_ROLE, taken)
            org_col = _column(header, _HEADER_ORG, taken)
            for row in block.cells[1:]:
                cell = functools.partial(table_cell, row)
                m = _PHONE.search(_squash_digits(cell(phone)))
                if not m:
                    continue
                contact = {
                    "name": cell(name_col),
                    "role": cell(role_col),
                    "org": cell(org_col),
                    "phone": m.group(1),
                }
                if contact not in draft.data["contacts"]:
                    draft.add("contacts", contact, block.paragraph, confidence=0.95)
            continue
        qty = _column(header, _HEADER_QTY, taken)
        res_name = _column(header, _HEADER_RES_NAME, taken)
        if qty is None or res_name is None:
            continue
        unit_col = _column(header, _HEADER_UNIT, taken)
        holder = next(
            (h for h in (_column(header, p, taken) for p in _HOLDER_PRIORITY) if h is not None), None
        )
        kind = resource_type(header[res_name] + " " + header[qty])
        for row in block.cells[1:]:
            cell = functools.partial(table_cell, row)
            name = cell(res_name)
            if not name:
                continue
            amount, unit = _quantity(cell(qty))
            unit = cell(unit_col) or unit or ("人" if "人数" in header[qty] else None)
            resource = {
                "type": resource_type(name, default=kind),
                "name": name,
                "quantity": amount,
                "unit": unit or None,
                "holder": cell(holder) or None,
            }
            draft.add("resources", resource, block.paragraph, confidence=0.9)


def _quantity(text: str) -> tuple[float | None, str | None]:
    m = re.match(r"^\s*(\d+(?:\.\d+)?)\s*([^\d\s]{0,4})\s*$", text)
    if m:
        return float(m.group(1)), m.group(2) or None
    count = parse_count(text)
    if count is not None:
        return float(count), re.sub(r"^[\d一二三四五六七八九十百千万两约近共计]+", "", text).strip() or None
    return None, None


def resource_type(text: str, *, default: str = "其他") -> str:
    for words, kind in (
        (("专家",), "专家"),
        (("医院", "卫生院", "医疗", "急救中心"), "医疗机构"),
        (("避难", "避险", "安置", "庇护"), "避难场所"),
        (("队", "救援组", "抢险组"), "救援队伍"),
        (("电台", "对讲", "通信", "卫星电话"), "通信"),
        (("资金", "经费"), "资金"),
        (
            (
                "车",
                "泵",
                "呼吸器",
                "水炮",
                "灭火器",
                "舟",
                "船",
                "艇",
                "锯",
                "挖掘机",
                "装备",
                "器材",
                "设备",
                "防护服",
                "防化服",
                "检测仪",
                "侦检",
                "堵漏",
                "洗消",
                "照明",
                "发电机",
                "担架",
            ),
            "装备",
        ),
        (("物资", "沙袋", "吸附", "药品", "棉", "编织袋", "帐篷", "食品", "饮用水"), "物资"),
    ):
        if any(w in text for w in words):
            return kind
    return default


def extract_phone_contacts(draft: PlanDraft) -> None:
    """Phone numbers written in text: "值班电话：0510-86801234", "拨打119、120"."""
    known = {c["phone"] for c in draft.data["contacts"]}
    for block in draft.blocks:
        if block.kind == "table":
            continue
        for m in _PHONE.finditer(block.text):
            number = m.group(1)
            if number in known:
                continue
            row = _row_contact(block.text, m.start())
            if row is not None:
                known.add(number)
                draft.add(
                    "contacts", {**row, "phone": number}, block.paragraph, m.start(), m.end(), confidence=0.75
                )
                continue
            before = block.text[max(0, m.start() - 30) : m.start()]
            before = re.sub(r"[，,\s]*(?:联系|办公)?(?:电话|手机|号码|热线|座机)?\s*[:：]?\s*$", "", before)
            person = re.search(r"联系人\s*[:：]\s*([\u4e00-\u9fff]{2,4})$", before)
            label = re.split(r"[，。；;、\s]", before)[-1]
            if number in EMERGENCY_NUMBERS:
                continue  # "拨打119": a public number, not one of the plan's contacts
            if person:
                contact = {"name": person.group(1), "role": "联系人", "org": "", "phone": number}
            elif label:
                contact = {
                    "name": "",
                    "role": label if not _UNIT_SUFFIX.search(label) else "",
                    "org": label if _UNIT_SUFFIX.search(label) else "",
                    "phone": number,
                }
            else:
                contact = {"name": "", "role": "", "org": "", "phone": number}
            known.add(number)
            draft.add("contacts", contact, block.paragraph, m.start(), m.end(), confidence=0.8)


_ORG_WORD = re.compile(r"(办事处|政府|局|公司|所|站|院|办|中心|队|组|委员会|部|科|厂)$")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _row_contact(text: str, phone_at: int) -> dict[str, str] | None:
    """A table row that reached us as a line ("总指挥 王建国 临港街道办事处 0510-…", e.g. from OCR)."""
    line_start = text.rfind("\n", 0, phone_at) + 1
    tokens = text[line_start:phone_at].split()
    if len(tokens) < 2:
        return None
    contact = {"name": "", "role": "", "org": ""}
    for token in tokens:
        if not contact["role"] and (token in ROLE_TITLES or re.search(r"(室|员|长|指挥)$", token)):
            contact["role"] = token
        elif not contact["org"] and _ORG_WORD.search(token) and len(token) >= 3:
            contact["org"] = token
        elif not contact["name"] and _PERSON.match(token):
            contact["name"] = token
    return contact if any(contact.values()) else None


def _squash_digits(text: str) -> str:
    """ "138 6163 5520" → "13861635520" (people space mobile numbers for reading)."""
    return re.sub(r"(?<=\d) (?=\d)", "", text)


_ITEM_QTY = re.compile(
    r"([\u4e00-\u9fff（）]{2,12}?)\s*(\d+(?:\.\d+)?)\s*(只|件|艘|台|套|辆|个|吨|顶|条|袋|箱|千克|公斤|部|具|把|支|副|人|名|架|立方米)"
)
_LEADING_VERB = re.compile(r"^(?:储备|配备|配置|存放|设有|共有|拥有|备有|其中|另有|包括|现有|约|共|各)+")
_HELD_BY = re.compile(r"由\s*([^，。；、]{2,20}?)\s*(?:负责)?(?:管理|保管|负责|统一调配)")
_SHELTER = re.compile(r"^(.{2,80}?)(?:等)?(?:作为|为|设为|确定为)(?:临时|应急)?(?:避难|避险|安置)(?:场所|点)")


def extract_text_resources(draft: PlanDraft, outline: Outline) -> None:
    """Resources named with a quantity in running text ("储备编织袋20000只、救生衣300件…，由镇水利站管理")
    and named shelters ("周庄中学、周庄镇文体中心作为临时避难场所"). Only outside org and response sections."""
    names = {r["name"] for r in draft.data["resources"]}
    for block in draft.blocks:
        skeleton = outline.block_skeleton[block.paragraph] or ""
        if block.kind in ("table", "heading") or skeleton.startswith(
            ("组织机构", "应急响应", "预警", "总则")
        ):
            continue
        for start, _end, sentence in sentences(block.text):
            held = _HELD_BY.search(sentence)
            for m in _ITEM_QTY.finditer(sentence):
                name = re.split(
                    r"[，,、（）()]|储备|配备|配置|存放|设有|共有|拥有|备有|包括|现有|另有", m.group(1)
                )[-1]
                name = _LEADING_VERB.sub("", name).strip()
                if len(name) < 2 or name in names or re.search(r"年|月|日|时|分钟|小时|米", name):
                    continue
                unit_word = m.group(3)
                kind = "救援队伍" if unit_word in ("人", "名") else resource_type(name, default="物资")
                if unit_word in ("人", "名"):
                    team = re.search(r"([^，。；、]{2,20}?(?:队|组|站))", sentence[: m.start()])
                    if not team:
                        continue
                    name = _LEADING_VERB.sub(
                        "", re.sub(r"^(?:公司|本单位)?(?:设有|组建了?|成立了?)", "", team.group(1))
                    )
                names.add(name)
                draft.add(
                    "resources",
                    {"type": kind, "name": name, "quantity": float(m.group(2)), "unit": unit_word,
                     "holder": held.group(1) if held else None},
                    block.paragraph, start + m.start(), start + m.end(), confidence=0.7,
                )  # fmt: skip
            shelter = _SHELTER.match(sentence.strip())
            if shelter:
                for place in re.split(r"[、，,和及]", shelter.group(1)):
                    place = place.strip()
                    if len(place) >= 2 and place not in names:
                        names.add(place)
                        s0, e0 = draft.span(block.paragraph, place)
                        draft.add("resources", {"type": "避难场所", "name": place, "quantity": None, "unit": None,
                                                "holder": None}, block.paragraph, s0, e0, confidence=0.75)  # fmt: skip
