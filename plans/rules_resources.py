"""Rules for contacts and resources: contact tables and phone numbers in text; resource tables,
stock named with a quantity in running text, and shelters."""

from __future__ import annotations

import functools
import re
from typing import get_args

from agents.llm.vocab import parse_count
from core.plan_document import ResourceType
from plans.draft import PlanDraft, sentences
from plans.resource_types import resource_type as resource_type  # re-exported for callers
from plans.rules_contact_roster import NOT_ORG_HEADER, roster_columns, roster_contact
from plans.sections import Outline, classify_heading
from plans.structure import table_cell
from plans.table_records import add_cell_kit, card_post_role, kit_columns, public_line, transposed_contacts

PHONE_NUMBER = re.compile(
    r"(?<!\d)(0\d{2,3}-?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}|110|119|120|122|12345|12350)(?!\d)"
)
EMERGENCY_NUMBERS = {
    "110": "公安报警", "119": "消防救援", "120": "医疗急救", "122": "交通事故报警",
    "12345": "政务服务热线", "12350": "安全生产举报投诉",
}  # fmt: skip

_HEADER_NAME = re.compile(r"姓名|联系人|联络人")
_HEADER_HEAD = re.compile(r"负责人|责任人")  # "科室 | 负责人 | 电话": the person, when no 姓名 column
_HEADER_ROLE = re.compile(r"职务|岗位|职责|职位|角色")
_HEADER_ORG = re.compile(r"单位|部门|组别|机构|小组|科室|处室|股室|企业")
# the person's own unit, preferred over the emergency body a roster groups people by (应急机构 | 所在部门)
_HEADER_OWN_ORG = re.compile(r"(?<!成员)单位|部门|科室|处室|股室")
# "村（社区） | 联系人 | 值班电话": a town's list of its villages names each row's place, which is the org
_HEADER_PLACE_ORG = re.compile(
    r"^(?:所在)?(?:村|社区|村居|居委会|镇|街道|镇街|乡镇|园区|网格|片区)(?:[（(][^）)]{1,4}[)）])?(?:名称)?$"
)
# a card's "外部报警" / "内部联系" columns hold numbers though they do not say 电话
_HEADER_PHONE = re.compile(r"电话|手机|联系方式|号码|座机|固话|报警$|^(?:内部|外部|对外|紧急)?联系$")
_HEADER_RES_NAME = re.compile(r"名称|物资|装备|器材|队伍|设施|品名")
_HEADER_QTY = re.compile(r"数量|人数|库存|规模")
_HEADER_UNIT = re.compile(r"^(?:计量)?单位$")
# "可容纳人数": a place counted by the people it takes in is a shelter, and that capacity is no stock
_HEADER_CAPACITY = re.compile(r"容纳|可安置|安置人数")
# who holds a resource: the keeper if named, else the owning unit, else where it is stored when that
# place is itself a body (存放地点 "消防站" holds it; "车间东墙" does not)
_HOLDER_PRIORITY = (
    re.compile(r"保管人|保管员|负责人|责任人|管理人|管理员"),
    # "管理部门" / "负责部门" / "责任科室": the department that keeps the stock owns it like a 管理单位
    re.compile(r"所属|归属|(?:责任|负责|管理|保管|归口)(?:单位|部门|科室)"),
    re.compile(r"存放|地点|位置"),
)
_MOUNTED = re.compile(r"配置|配备|安装|设置|布置")
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
        cells = transposed_contacts(side_by_side(block.cells))  # one column per person: turned
        header = cells[0]
        taken: set[int] = set()
        # Contact tables often carry two phone columns (办公电话 + 手机) and cells with two numbers:
        # every number is a way to reach the person, so each becomes its own contact.
        phones = [i for i, cell in enumerate(header) if _HEADER_PHONE.search(cell)]
        taken.update(phones)
        if phones:
            name_col = _column(header, _HEADER_NAME, taken)
            name_col = _column(header, _HEADER_HEAD, taken) if name_col is None else name_col
            role_col = _column(header, _HEADER_ROLE, taken)
            not_org = {i for i, h in enumerate(header) if NOT_ORG_HEADER.search(h)}
            org_col = _column(header, _HEADER_OWN_ORG, taken | not_org)
            org_col = _column(header, _HEADER_ORG, taken | not_org) if org_col is None else org_col
            if org_col is None:
                bare = [re.sub(r"\s+", "", h) for h in header]
                org_col = _column(bare, _HEADER_PLACE_ORG, taken | not_org)
            roster = roster_columns(header, name_col, role_col, org_col, phones)  # 值班 / crew tables
            name_col, role_col, org_col = roster.name, roster.role, roster.org
            # imported here: rules_contact_cells reads contacts with rules_contacts, which imports this module
            from plans.rules_contact_alarm import alarm_column, alarm_contact
            from plans.rules_contact_cells import clause_contact
            from plans.rules_contact_person_cell import either_cell, split_person_cell

            for row in cells[1:]:
                cell = functools.partial(table_cell, row)
                for phone in phones:
                    packed, previous_end = _squash_digits(cell(phone)), 0
                    for m in PHONE_NUMBER.finditer(packed):
                        contact = {
                            "name": _value(cell(name_col)),
                            "role": _value(cell(role_col)),
                            "org": _value(cell(org_col)),
                            "phone": m.group(1),
                        }
                        contact.update(split_person_cell(contact))  # "经理 钱志刚" / "24小时值班"
                        contact.update(either_cell(header[role_col] if role_col is not None else "", contact))
                        contact.update(roster_contact(contact, _value(cell(roster.shift)), roster.title))
                        # "王建（生产副总经理）138…" in the phone cell: the person beside the number
                        contact.update(clause_contact(packed, m.start(), previous_end) or {})
                        if alarm_column(header[phone]):  # "火警119": whom the post calls, not the post
                            contact.update(alarm_contact(packed, m.start(), m.end(), previous_end))
                        if role_col is None:  # "火警 | 119" with no 职务 column: the service is the role
                            contact.update(public_line(contact))
                        contact.update(card_post_role(contact))
                        previous_end = m.end()
                        if contact not in draft.data["contacts"]:
                            draft.add("contacts", contact, block.paragraph, confidence=0.95)
        # a stock or team table may give its keeper's phone (名称 | 数量 | 负责人 | 联系电话): its rows are
        # resources as well as contacts (the keeper column holds them, so only the phones stay taken)
        taken = set(phones)
        qty = _column(header, _HEADER_QTY, taken)
        res_name = _column(header, _HEADER_RES_NAME, taken)
        if qty is None or res_name is None:
            continue
        unit_col = _column(header, _HEADER_UNIT, taken)
        holder = next(
            (h for h in (_column(header, p, taken) for p in _HOLDER_PRIORITY) if h is not None), None
        )
        stored_at = holder is not None and _HOLDER_PRIORITY[2].search(header[holder]) is not None
        # "配置地点 | 消防站": where kit is mounted says where it stands, not who keeps it (a 存放地点 that is
        # a body does keep what is stored there)
        mounted = stored_at and holder is not None and _MOUNTED.search(header[holder]) is not None
        kind = resource_type(header[res_name] + " " + header[qty])
        # "类别 | 名称 | 数量": the plan says of each row whether it is 装备 or 物资; a type it names wins
        kind_col = next(
            (i for i, h in enumerate(header) if re.fullmatch(r"\s*(?:物资)?(?:类别|类型|种类)\s*", h)), None
        )
        for row in cells[1:]:
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
                "holder": None
                if mounted or (stored_at and not _STORE_IS_A_BODY.search(cell(holder)))
                else cell(holder) or None,
            }
            if kind_col is not None and cell(kind_col) in get_args(ResourceType):
                resource["type"] = cell(kind_col)
            if _HEADER_CAPACITY.search(header[qty]):
                resource.update(type="避难场所", quantity=None, unit=None)
            draft.add("resources", resource, block.paragraph, confidence=0.9)
            for kit in kit_columns(header, taken | {res_name, qty}):  # "对讲机18部、…" in the team's row
                add_cell_kit(draft, block, name, cell(kit))


def _value(cell: str) -> str:
    """A cell's text, "" for a placeholder ("—", "/", "无") that says there is none."""
    return "" if re.fullmatch(r"[\s—\-－–/／]*|无", cell) else cell


def side_by_side(cells: list[list[str]]) -> list[list[str]]:
    """A table set out as two (or more) copies side by side ("单位 | 值班电话 | 单位 | 值班电话"): the
    header repeats, so each row holds several records; they are stacked into one column set."""
    header = [re.sub(r"\s+", "", c) for c in cells[0]]
    width = len(header)
    for period in range(2, width // 2 + 1):
        if width % period == 0 and all(header[i] == header[i % period] for i in range(width)):
            if len(set(header[:period])) < 2:
                continue
            rows = [row[k : k + period] for row in cells[1:] for k in range(0, len(row), period)]
            return [cells[0][:period], *(row for row in rows if any(c.strip() for c in row))]
    return cells


def _quantity(text: str) -> tuple[float | None, str | None]:
    m = re.match(r"^\s*(\d+(?:\.\d+)?)\s*([^\d\s]{0,4})\s*$", text)
    if m:
        return float(m.group(1)), m.group(2) or None
    count = parse_count(text)
    if count is not None:
        return float(count), re.sub(r"^[\d一二三四五六七八九十百千万两约近共计]+", "", text).strip() or None
    return None, None


def _squash_digits(text: str) -> str:
    """ "138 6163 5520" → "13861635520" (people space mobile numbers for reading); "（0510）86806119" and
    "0510—86806119" → "0510-86806119" (the area code in brackets or after a long dash)."""
    text = re.sub(r"[（(]\s*(0\d{2,3})\s*[)）]\s*[-－—–]?\s*(?=\d)", r"\1-", text)
    text = re.sub(r"(?<=\d)\s*[－—–]\s*(?=\d)", "-", text)
    return re.sub(r"(?<=\d) (?=\d)", "", text)


# "义务消防队，共18人": a count clause after the team may open with one character (its name is before)
_ITEM_QTY = re.compile(
    r"([\u4e00-\u9fff（）]{1,12}?)\s*(\d+(?:\.\d+)?)\s*(只|件|艘|台|套|辆|个|吨|顶|条|袋|箱|千克|公斤|kg|KG|升|部|具|把|支|副|人|名|架|卷|桶|瓶|块|双|座|立方米|根|张|盏|捆|盒|包|床|盘|付|筒|罐|门|米)"
)
# "…2根和自动体外除颤器1台": the conjunction before the last item is no part of its name
_LEADING_VERB = re.compile(
    r"^(?:储备|储存|存储|贮存|配备|配置|配有|存放|设有|共有|拥有|备有|其中|另有|包括|现有|约|共|各|以及|和|及|与)+"
)
_HELD_BY = re.compile(r"由\s*([^，。；、]{2,20}?)\s*(?:负责)?(?:管理|保管|负责|统一调配|统一调度)(?![员人])")
# "由街道应急管理办公室管理。": the verb ends the clause, so a 管理 inside the name is not it
_HELD_BY_CLAUSE = re.compile(
    r"由\s*([^，。；、]{2,20}?)(?:负责[^，。；]{0,8}?|统一)?(?:管理|保管|维护|调配|调度)(?=[，。；;]|$)"
)
# "港华燃气青阳服务站组建抢修队12人，配备抢修车2辆": the body the sentence opens with holds what it lists
# "工程部管理消防水泵2台、移动排烟机3台": so does a department that keeps them
_OWNER_SETS_UP = re.compile(
    r"^([\u4e00-\u9fff（）()]{2,20}?)(?:组建|成立|配备|储备|配置|设有|建立|拥有|备有|(?<=[部科站队所])(?:负责)?管理)"
)
# the bodies that own stock in running text: departments and workshops as well as stations and bureaus
_OWNING_BODY = re.compile(r"(?:站|队|所|局|中心|院|公司|大队|支队|部|科|车间)$")
_SELF = re.compile(r"^(?:本|我|该|各)?(?:公司|单位|企业|厂|镇|街道|项目部)$")  # the plan's own body
# a time span, not an item ("每月2次", "年内", "1小时"); a 年 / 月 / 日 inside a place's name is no date (月城镇)
_TIME_WORD = re.compile(r"[每近上下本当次个半][年月日]|[年月日](?:内|底|初|末|前|后|$)|时|分钟|小时|米")
# "一支25人的义务消防队" / "由30名队员组成的抢险队": the count comes before the team it sizes
_COUNT_THEN_TEAM = re.compile(
    r"(?<!\d)(\d+)\s*([人名])(?:队员|员工|人员)?(?:组成)?的\s*([^，。；、\d的]{2,16}?(?:队伍|队|组))(?![长员])"
)
# The verb that sets a team up inside its owner: "…所组建X队", "煤气防护站设专职救护队" (a bare 设 after a
# body's name, not 设备 / 设施 / 设置 / 设在)
_TEAM_SET_UP = re.compile(
    r"组建了?|成立了?|设有|设立了?|建立了?|(?<=[站队部所科局室心间司])设(?![备施置在于])"
)
# a team's name ends so ("消防队", "抢险队伍", "微型消防站"), and its head count follows its count of teams
_TEAM_END = re.compile(r"(?:队伍|队|站)$")
_HEAD_COUNT = re.compile(r"\s*[，,]\s*(?:共有|共|有)?(?:队员|人员|成员|员工)?(?:共有|共)?\s*\d+\s*[人名]")
_SHELTER = re.compile(
    r"^(.{2,80}?)(?:等)?(?:作为|为|设为|确定为)(?:临时|应急)?(?:避难|避险|避灾|安置){1,2}(?:场所|点)"
)
# "避灾安置点：夏港中学、夏港街道文体中心" (a key-value row): the places listed after the label
# "公司设应急避难场所2处：A和B" — the same list after a subject that sets them up and their count
_SHELTER_LABEL = re.compile(
    r"^(?:[^，,。；;:：]{0,12}?(?:设置?|设有|建有|共有|确定))?"
    r"(?:临时|应急)?(?:避难|避险|避灾|安置|避难安置|避灾安置)(?:场所|点)"
    r"\s*(?:(?:\d+|[一二两三四五六七八九十]+)\s*[处个])?\s*[:：]\s*([^：:]{2,80}?)[。；;]?$"
)
# "公司应急避难场所为东门广场和西侧停车场两处": the places named after the word, then their count
_SHELTER_IS = re.compile(
    r"^[^，,。；;:：]{0,12}?(?:临时|应急)?(?:避难|避险|避灾|安置)(?:场所|点)(?:为|是|设在|包括)\s*"
    r"([^：:。；;]{2,60}?)\s*(?:等)?\s*(?:(?:\d+|[一二两三四五六七八九十]+)\s*[处个])?[。；;]?$"
)


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
                    r"[，,、（）()]|储备|储存|存储|贮存|配备|配置|配有|存放|设有|内设|共有|拥有|备有|包括|现有|另有|另存|存有"
                    r"|(?<=[部科站队所])(?:负责)?管理",
                    m.group(1),
                )[-1]
                # "园区组建专职消防队1支": the verb that sets the item up, and its subject, are no part of its name
                name = _LEADING_VERB.sub("", re.split(_TEAM_SET_UP, name)[-1]).strip()
                unit_word = m.group(3)
                # "专职消防队1支，队员36人": a team's size is its head count, read from the clause that follows
                if unit_word == "支" and _TEAM_END.search(name) and _HEAD_COUNT.match(sentence, m.end()):
                    continue
                counted = unit_word in ("人", "名")  # people: the team is named before the count
                # "警戒带200米" is stock by length; "疏散距离300米" is no item
                long_goods = unit_word != "米" or re.search(r"[带绳缆索管线栏]$", name)
                if (
                    (not counted and (len(name) < 2 or name in names))
                    or _TIME_WORD.search(name)
                    or not long_goods
                ):
                    continue
                kind = "救援队伍" if unit_word in ("人", "名") else resource_type(name, default="物资")
                if unit_word in ("人", "名"):
                    # "救援队伍共有队员25人": the team is named before the count, maybe in the same match
                    # "服务站组建燃气抢修队12人": the team follows the verb, its owner precedes it
                    before = re.split(_TEAM_SET_UP, sentence[: m.start(2)])[-1]
                    # "码头消防班12人": a squad (班) is a team too, but not a shift (值班, 当班, 每班, 四班三倒, 班组, 班长)
                    team = re.search(
                        r"([^，。；、]{2,20}?(?:队伍|队|组(?![建成织])|站|(?<![值当每轮倒交早中晚一二三四五六七八九十两\d])班(?![组长次])))",
                        before,
                    )
                    if not team:
                        continue
                    # "江阴市特种设备检验所组建应急技术支撑队伍15人": the team is what is set up
                    name = re.split(_TEAM_SET_UP, team.group(1))[-1]
                    name = re.sub(
                        r"^[\u4e00-\u9fff]{1,4}?设(?![备施置在于])(?=\S{3})", "", name
                    )  # "酒店设微型消防站"
                    name = _LEADING_VERB.sub("", name).strip()
                    # "成立了一支抢险队": the count of teams is no part of the team's name
                    name = re.sub(r"^[一两二三四五六七八九十\d]+\s*支(?=\S{2})", "", name)
                    if name in names:
                        continue  # "兼职消防队1支，共15人": the team is already listed
                    kind = "专家" if "专家" in name else kind  # "专家组，共有专家15名": experts, not a team
                    # "微型消防站配备队员8人": the team the sentence opens with is no holder of itself
                    item_holder = None if item_holder == name else item_holder
                names.add(name)
                draft.add(
                    "resources",
                    {"type": kind, "name": name, "quantity": float(m.group(2)), "unit": unit_word,
                     "holder": item_holder},
                    block.paragraph, start + m.start(), start + m.end(), confidence=0.7,
                )  # fmt: skip
            for m in _COUNT_THEN_TEAM.finditer(sentence):  # "组建了一支25人的义务消防队"
                name = m.group(3).strip()
                if name not in names:
                    names.add(name)
                    sized = {"type": "专家" if "专家" in name else "救援队伍", "name": name,
                             "quantity": float(m.group(1)), "unit": m.group(2), "holder": holder}  # fmt: skip
                    draft.add(
                        "resources",
                        sized,
                        block.paragraph,
                        start + m.start(),
                        start + m.end(),
                        confidence=0.7,
                    )
            said = sentence.strip()
            shelter = _SHELTER.match(said) or _SHELTER_LABEL.match(said) or _SHELTER_IS.match(said)
            if shelter:  # "…作为避难场所，由X负责管理": X keeps them (not "由X负责安置群众的生活保障")
                kept = _HELD_BY_CLAUSE.search(sentence)
                keeper = _full_name(kept.group(1), sentence[: kept.start()]) if kept else None
                listed = re.split(r"[，,]\s*由", shelter.group(1))[0]  # "，由X维护": no place
                for place in re.split(r"[、，,和及]", listed):
                    place = place.strip()
                    if len(place) >= 2 and place not in names:
                        names.add(place)
                        s0, e0 = draft.span(block.paragraph, place)
                        draft.add("resources", {"type": "避难场所", "name": place, "quantity": None, "unit": None,
                                                "holder": keeper}, block.paragraph, s0, e0, confidence=0.75)  # fmt: skip


def _full_name(short: str, before: str) -> str:
    """ "由检验所负责维护" after "江阴市特种设备检验所组建…": the name written in full earlier in the sentence."""
    full = re.search(rf"(?:^|[\s，,。；、])([\u4e00-\u9fff]{{2,16}}{re.escape(short)})", before)
    return full.group(1) if full and not re.search(r"由|和|与|及", full.group(1)) else short
