"""Rules for contacts and resources: contact tables and phone numbers in text; resource tables,
stock named with a quantity in running text, and shelters.
"""

from __future__ import annotations

import functools
import re

from agents.llm.vocab import parse_count
from plans.draft import PlanDraft, sentences
from plans.rules_org_names import ROLE_TITLES, UNIT_SUFFIX
from plans.sections import Outline, classify_heading
from plans.structure import table_cell

_PHONE = re.compile(r"(?<!\d)(0\d{2,3}-?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}|110|119|120|122|12345|12350)(?!\d)")
EMERGENCY_NUMBERS = {
    "110": "公安报警", "119": "消防救援", "120": "医疗急救", "122": "交通事故报警",
    "12345": "政务服务热线", "12350": "安全生产举报投诉",
}  # fmt: skip

_HEADER_NAME = re.compile(r"姓名|联系人")
_HEADER_HEAD = re.compile(r"负责人|责任人")  # "科室 | 负责人 | 电话": the person, when no 姓名 column
_HEADER_ROLE = re.compile(r"职务|岗位|职责|职位|角色")
_HEADER_ORG = re.compile(r"单位|部门|组别|机构|小组|科室|处室|股室")
_HEADER_PHONE = re.compile(r"电话|手机|联系方式|号码|座机|固话")
_HEADER_RES_NAME = re.compile(r"名称|物资|装备|器材|队伍|设施|品名")
_HEADER_QTY = re.compile(r"数量|人数|库存|规模")
_HEADER_UNIT = re.compile(r"^(?:计量)?单位$")
# who holds a resource: the keeper if named, else the owning unit, else where it is stored when that
# place is itself a body (存放地点 "消防站" holds it; "车间东墙" does not)
_HOLDER_PRIORITY = (
    re.compile(r"保管人|负责人|责任人|管理人"),
    re.compile(r"所属|责任单位|管理单位|保管单位|归属"),
    re.compile(r"存放|地点|位置"),
)
_STORE_IS_A_BODY = re.compile(r"(?:站|队|所|局|中心|院|公司|大队|支队)$")


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
        # Contact tables often carry two phone columns (办公电话 + 手机) and cells with two numbers:
        # every number is a way to reach the person, so each becomes its own contact.
        phones = [i for i, cell in enumerate(header) if _HEADER_PHONE.search(cell)]
        taken.update(phones)
        if phones:
            name_col = _column(header, _HEADER_NAME, taken)
            name_col = _column(header, _HEADER_HEAD, taken) if name_col is None else name_col
            role_col = _column(header, _HEADER_ROLE, taken)
            org_col = _column(header, _HEADER_ORG, taken)
            for row in block.cells[1:]:
                cell = functools.partial(table_cell, row)
                for phone in phones:
                    for m in _PHONE.finditer(_squash_digits(cell(phone))):
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
        stored_at = holder is not None and _HOLDER_PRIORITY[2].search(header[holder]) is not None
        kind = resource_type(header[res_name] + " " + header[qty])
        for row in block.cells[1:]:
            cell = functools.partial(table_cell, row)
            name = cell(res_name)
            if not name:
                continue
            amount, unit = _quantity(cell(qty))
            unit = cell(unit_col) or unit or ("人" if "人数" in header[qty] else None)
            resource = {
                # "消防救援站 | 18人": whatever is counted in people is a team
                "type": resource_type(name, default="救援队伍" if unit in ("人", "名") else kind),
                "name": name,
                "quantity": amount,
                "unit": unit or None,
                "holder": (None if stored_at and not _STORE_IS_A_BODY.search(cell(holder)) else cell(holder))
                or None,
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
                "拖轮",
                "艇",
                "锯",
                "挖掘机",
                "装备",
                "器材",
                "设备",
                "防护服",
                "防化服",
                "检测仪",
                "仪",  # 报警仪, 测氧仪, 测爆仪: instruments are equipment
                "侦检",
                "堵漏",
                "洗消",
                "照明",
                "发电机",
                "担架",
                "三脚架",
                "灭火机",
                "工具",
                "风机",
                "安全绳",
                "安全带",
                "梯",
            ),
            "装备",
        ),
        (
            (
                "物资",
                "沙袋",
                "救生圈",
                "救生衣",
                "吸附",
                "药品",
                "棉",
                "编织袋",
                "帐篷",
                "食品",
                "饮用水",
                "围油栏",
                "吸油毡",
            ),
            "物资",
        ),
        (("池", "围堰"), "其他"),  # 碱液池, 事故应急池: facilities, neither stock nor equipment
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
            raw = block.text[max(0, m.start() - 30) : m.start()]
            if number in EMERGENCY_NUMBERS:
                # "拨打119": a public number, not one of the plan's contacts; but a contact list may
                # name it ("急救电话120", "消防救援站：119"), and then it is one
                listed = re.search(
                    r"(?:^|[，。；;、\s])([\u4e00-\u9fff]{1,6}(?:电话|热线))\s*[:：]?\s*$", raw
                ) or (re.search(r"(?:^|[，。；;、\s])([\u4e00-\u9fff]{2,8})\s*[:：]\s*$", raw))
                # "火警119，急救120": a whole clause that is only a short label, no verb (not "拨打119")
                listed = listed or re.search(r"(?:^|[，。；;、\s])([\u4e00-\u9fff]{2,4})\s*$", raw)
                if listed and re.search(r"拨|打|呼叫|联系|通知|报告|请求|向|求", listed.group(1)):
                    listed = None
                if listed:
                    known.add(number)
                    draft.add(
                        "contacts", {**_unit_or_role(listed.group(1)), "name": "", "phone": number},
                        block.paragraph, m.start(), m.end(), confidence=0.7,
                    )  # fmt: skip
                continue
            contact = {**_contact_before(raw), "phone": number}
            known.add(number)
            draft.add("contacts", contact, block.paragraph, m.start(), m.end(), confidence=0.8)


_TITLE_THEN_NAME = re.compile(
    rf"^({'|'.join(sorted(ROLE_TITLES, key=len, reverse=True))})\s*[:：]?\s*([\u4e00-\u9fff]{{2,3}})$"
)
# "安全科科长李明": a unit, a post ending in a post word, and a 2–3 character name
_UNIT_POST_NAME = re.compile(
    r"^([\u4e00-\u9fff]{2,12}?(?:科|室|部|局|处|站|所|队|中心|车间|公司|办))?"
    r"([\u4e00-\u9fff]{0,4}?(?:科长|处长|局长|站长|所长|队长|主任|经理|总监|书记|安全员|厂长|镇长|组长))"
    r"([\u4e00-\u9fff]{2,3})$"
)
# A line named by what it is for ("值班电话", "应急值守电话", "报警电话", "服务热线"), after its owner
_LINE_NAMED = re.compile(
    r"([^，。；;、]{0,20}?)(?:24小时)?((?:应急)?(?:值班|值守|报警|求援|救援|服务)(?:电话|热线))\s*[:：]?\s*$"
)
# "立即报告公司应急办公室（电话：…）": the addressee comes after the verb
_TO_WHOM = re.compile(r"^.*(?:报告|联系|通知|告知|呼叫|拨打|向|至|与)")


def _unit_or_role(label: str) -> dict[str, str]:
    unit = bool(UNIT_SUFFIX.search(label) or (len(label) >= 3 and _ORG_WORD.search(label)))
    return {"role": "" if unit else label, "org": label if unit else ""}


def _contact_before(raw: str) -> dict[str, str]:
    """Who a number in running text reaches, from the words just before it: "联系人：张三，电话…",
    "组长陈国华，电话…", "安全科科长李明（手机…）", "值班电话：…", "报告公司应急办公室（电话：…）"."""
    line = _LINE_NAMED.search(raw)
    if line:  # "公司值班电话：…" / "安环部24小时值班电话…": the line is the role, what precedes it the unit
        owner = re.split(r"[，。；;、\s：:]", line.group(1))[-1]
        unit = len(owner) >= 3 and bool(UNIT_SUFFIX.search(owner) or _ORG_WORD.search(owner))
        return {"name": "", "role": line.group(2), "org": owner if unit else ""}
    before = re.sub(r"[，,\s]*(?:联系|办公)?(?:电话|手机|号码|热线|座机)?\s*[:：]?\s*$", "", raw)
    before = before.rstrip("（( \u3000")  # "办公室（电话：" → "办公室"
    person = re.search(r"联系人\s*[:：]\s*([\u4e00-\u9fff]{2,4})$", before)
    if person:
        return {"name": person.group(1), "role": "联系人", "org": ""}
    label = re.split(r"[，。；;、\s]", before)[-1]
    titled = _TITLE_THEN_NAME.match(label)
    if titled and not re.search(r"[位门室组部科队办处局司]$", titled.group(2)):  # not "成员单位"
        return {"name": titled.group(2), "role": titled.group(1), "org": ""}
    posted = _UNIT_POST_NAME.match(label)
    if posted:
        return {"name": posted.group(3), "role": posted.group(2), "org": posted.group(1) or ""}
    addressee = _TO_WHOM.sub("", label)
    return {"name": "", **_unit_or_role(addressee if len(addressee) >= 2 else label)}


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
    """ "138 6163 5520" → "13861635520" (people space mobile numbers for reading); "（0510）86806119" and
    "0510—86806119" → "0510-86806119" (the area code in brackets or after a long dash)."""
    text = re.sub(r"[（(]\s*(0\d{2,3})\s*[)）]\s*[-－—–]?\s*(?=\d)", r"\1-", text)
    text = re.sub(r"(?<=\d)\s*[－—–]\s*(?=\d)", "-", text)
    return re.sub(r"(?<=\d) (?=\d)", "", text)


_ITEM_QTY = re.compile(
    r"([\u4e00-\u9fff（）]{2,12}?)\s*(\d+(?:\.\d+)?)\s*(只|件|艘|台|套|辆|个|吨|顶|条|袋|箱|千克|公斤|kg|KG|升|部|具|把|支|副|人|名|架|卷|桶|瓶|块|双|座|立方米)"
)
_LEADING_VERB = re.compile(r"^(?:储备|配备|配置|存放|设有|共有|拥有|备有|其中|另有|包括|现有|约|共|各)+")
_HELD_BY = re.compile(r"由\s*([^，。；、]{2,20}?)\s*(?:负责)?(?:管理|保管|负责|统一调配)(?![员人])")
# "由街道应急管理办公室管理。": the verb ends the clause, so a 管理 inside the name is not it
_HELD_BY_CLAUSE = re.compile(
    r"由\s*([^，。；、]{2,20}?)(?:负责[^，。；]{0,8}?)?(?:管理|保管|维护|调配)(?=[，。；;]|$)"
)
# "港华燃气青阳服务站组建抢修队12人，配备抢修车2辆": the body the sentence opens with holds what it lists
_OWNER_SETS_UP = re.compile(
    r"^([\u4e00-\u9fff（）()]{2,20}?)(?:组建|成立|配备|储备|配置|设有|建立|拥有|备有)"
)
# the bodies that own stock in running text: departments and workshops as well as stations and bureaus
_OWNING_BODY = re.compile(r"(?:站|队|所|局|中心|院|公司|大队|支队|部|科|车间)$")
_SELF = re.compile(r"^(?:本|我|该|各)?(?:公司|单位|企业|厂|镇|街道|项目部)$")  # the plan's own body
_SHELTER = re.compile(r"^(.{2,80}?)(?:等)?(?:作为|为|设为|确定为)(?:临时|应急)?(?:避难|避险|安置)(?:场所|点)")


def extract_text_resources(draft: PlanDraft, outline: Outline) -> None:
    """Resources named with a quantity in running text ("储备编织袋20000只、救生衣300件…，由镇水利站管理")
    and named shelters ("周庄中学、周庄镇文体中心作为临时避难场所"). Only outside org and response sections."""
    names = {r["name"] for r in draft.data["resources"]}
    for block in draft.blocks:
        skeleton = outline.block_skeleton[block.paragraph] or ""
        section = outline.block_section[block.paragraph]
        # "3.3 应急物资" under 应急处置: a sub-section about stock is read whatever part it sits in
        stock = section is not None and classify_heading(outline.sections[section].heading) == "应急保障"
        if block.kind in ("table", "heading") or (
            skeleton.startswith(("组织机构", "应急响应", "预警", "总则")) and not stock
        ):
            continue
        for start, _end, sentence in sentences(block.text):
            held = _HELD_BY_CLAUSE.search(sentence) or _HELD_BY.search(sentence)
            holder = _full_name(held.group(1), sentence[: held.start()]) if held else None
            for m in _ITEM_QTY.finditer(sentence):
                # "设备工程部组建消防队25人，生产业务部配备拖轮1艘": each clause's opening body holds its items
                clause_at = max(sentence.rfind(c, 0, m.start()) for c in "，,") + 1
                owner = _OWNER_SETS_UP.match(sentence[clause_at:].strip()) or (
                    _OWNER_SETS_UP.match(sentence.strip()) if holder is None else None
                )
                owned = owner and _OWNING_BODY.search(owner.group(1)) and not _SELF.match(owner.group(1))
                item_holder = holder or (owner.group(1) if owner and owned else None)
                name = re.split(
                    r"[，,、（）()]|储备|配备|配置|存放|设有|内设|共有|拥有|备有|包括|现有|另有", m.group(1)
                )[-1]
                name = _LEADING_VERB.sub("", name).strip()
                if len(name) < 2 or name in names or re.search(r"年|月|日|时|分钟|小时|米", name):
                    continue
                unit_word = m.group(3)
                kind = "救援队伍" if unit_word in ("人", "名") else resource_type(name, default="物资")
                if unit_word in ("人", "名"):
                    # "救援队伍共有队员25人": the team is named before the count, maybe in the same match
                    # "服务站组建燃气抢修队12人": the team follows the verb, its owner precedes it
                    before = re.split(r"组建了?|成立了?|设有|建立了?", sentence[: m.start(2)])[-1]
                    team = re.search(r"([^，。；、]{2,20}?(?:队伍|队|组(?![建成织])|站))", before)
                    if not team:
                        continue
                    # "江阴市特种设备检验所组建应急技术支撑队伍15人": the team is what is set up
                    name = re.split(r"组建了?|成立了?|设有|建立了?", team.group(1))[-1]
                    name = _LEADING_VERB.sub("", name).strip()
                    if name in names:
                        continue  # "兼职消防队1支，共15人": the team is already listed
                names.add(name)
                draft.add(
                    "resources",
                    {"type": kind, "name": name, "quantity": float(m.group(2)), "unit": unit_word,
                     "holder": item_holder},
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


def _full_name(short: str, before: str) -> str:
    """ "由检验所负责维护" after "江阴市特种设备检验所组建…": the name written in full earlier in the sentence."""
    full = re.search(rf"(?:^|[\s，,。；、])([\u4e00-\u9fff]{{2,16}}{re.escape(short)})", before)
    return full.group(1) if full and not re.search(r"由|和|与|及", full.group(1)) else short
