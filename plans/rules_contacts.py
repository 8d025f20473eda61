"""Rules for contacts written in running text: "值班电话：0510-86801234", "车间主任张卫民手机…",
"火警119；急救120" (a listed public number) — but not "拨打119" in a measure. Contact tables are read
with the other tables in ``plans.rules_resources``.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.rules_contact_duty import contact_in_duty
from plans.rules_org_names import ROLE_TITLES, UNIT_SUFFIX
from plans.rules_post_lines import dash_line_contact
from plans.rules_resources import EMERGENCY_NUMBERS, PHONE_NUMBER
from plans.rules_roster_lines import post_line_contact

# In running text people also space a mobile for reading ("手机138 1236 5506") and bracket the area code
# ("（0510）86211001"); both are read as the number they write
_TEXT_PHONE = re.compile(
    rf"{PHONE_NUMBER.pattern}|(?<!\d)(1[3-9]\d[ \u00a0]\d{{4}}[ \u00a0]\d{{4}}|[（(]0\d{{2,3}}[)）]\s*\d{{7,8}})(?!\d)"
    # a local number without its area code right after a label or another number ("厂内应急电话：86053119",
    # "0510-86212120、86212121"); Jiangyin's local numbers start with 8, and a quantity has its unit after it
    r"|(?<=[:：\s\u3000、（(])(8\d{7})(?![\d.年元万吨米个台套件])"
)


def text_phones(text: str) -> list[tuple[str, int, int]]:
    """(number, start, end) of each phone number written in ``text``, spaced or bracketed ones included."""
    return [(_number(m), m.start(), m.end()) for m in _TEXT_PHONE.finditer(text)]


def _number(m: re.Match[str]) -> str:
    """The number a match writes, as the tables give it: "13812365506", "0510-86211001"."""
    if m.group(1):
        return m.group(1)
    if m.group(3):
        return m.group(3)
    return re.sub(r"^[（(](0\d{2,3})[)）]\s*", r"\1-", re.sub(r"(?<=\d)[ \u00a0](?=\d)", "", m.group(2)))


def extract_phone_contacts(draft: PlanDraft) -> None:
    """Phone numbers written in text: "值班电话：0510-86801234", "拨打119、120"."""
    known = {c["phone"] for c in draft.data["contacts"]}
    for block in draft.blocks:
        if block.kind == "table":
            continue
        for m in _TEXT_PHONE.finditer(block.text):
            number = _number(m)
            if number in known:
                continue
            # "总指挥：校长　陈国平（139…）": the post and the person of a roster line, before any other reading
            line_start = block.text.rfind("\n", 0, m.start()) + 1
            row = post_line_contact(block.text[line_start : m.start()]) or _row_contact(block.text, m.start())
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
                # "外部救援电话：火警119": the label may follow the list's own label and colon
                listed = listed or re.search(r"(?:^|[，。；;、：:\s])([\u4e00-\u9fff]{2,4})\s*$", raw)
                # "；江阴市急救中心120；": a longer clause is a listed number too when it names a body
                listed = listed or re.search(
                    rf"(?:^|[，。；;、：:\s])([\u4e00-\u9fff]{{2,12}}{_SERVICE})\s*$", raw
                )
                if listed and re.search(
                    r"拨|打|呼叫|联系|通知|报告|请求|向|求|配合|协助|等待|等候", listed.group(1)
                ):
                    listed = None
                if listed:
                    known.add(number)
                    draft.add(
                        "contacts", {**unit_or_role(listed.group(1)), "name": "", "phone": number},
                        block.paragraph, m.start(), m.end(), confidence=0.7,
                    )  # fmt: skip
                continue
            contact = {**contact_before(raw), "phone": number}
            known.add(number)
            draft.add("contacts", contact, block.paragraph, m.start(), m.end(), confidence=0.8)


# bodies that answer a public number themselves (急救中心 120, 消防救援支队 119, 派出所 110)
_SERVICE = r"(?:中心|医院|卫生院|支队|大队|消防站|救援站|派出所)"
_TITLE_THEN_NAME = re.compile(
    rf"^({'|'.join(sorted(ROLE_TITLES, key=len, reverse=True))})\s*[:：]?\s*([\u4e00-\u9fff]{{2,3}})$"
    # "值班长：孙浩" / "安全员：李梅": a post word before the colon is a role too
    r"|^([\u4e00-\u9fff]{0,6}(?:长|主任|经理|书记|员))\s*[:：]\s*([\u4e00-\u9fff]{2,3})$"
)
# "安全科科长李明": a unit, a post ending in a post word, and a 2–3 character name
_UNIT_POST_NAME = re.compile(
    r"^([\u4e00-\u9fff]{2,12}?(?:科|室|部|局|处|站|所|队|中心|车间|公司|办))?"
    r"([\u4e00-\u9fff]{0,4}?(?:科长|处长|局长|站长|所长|队长|主任|经理|总监|书记|安全员|厂长|镇长|组长))"
    r"([\u4e00-\u9fff]{2,3})$"
)
# A line named by what it is for ("值班电话", "应急值守电话", "报警电话", "服务热线"), after its owner
_LINE_NAMED = re.compile(
    r"([^，。；;、]{0,20}?)(?:24小时)?((?:应急|总)?(?:值班|值守|报警|求援|救援|服务)(?:电话|热线)|应急电话|总值班)"
    r"\s*[:：]?\s*$"
)
# "立即报告公司应急办公室（电话：…）": the addressee comes after the verb
_TO_WHOM = re.compile(r"^.*(?:报告|联系|通知|告知|呼叫|拨打|向|至|与)")


# "顾永康（组长）" / "李梅（安全员）": a 2–3 character name, then a post in brackets (a title or a post word)
_NAME_THEN_POST = re.compile(
    rf"(?:^|[\s，。；;、])([\u4e00-\u9fff]{{2,3}})[（(]((?:{'|'.join(ROLE_TITLES)})|[\u4e00-\u9fff]{{0,6}}"
    r"(?:长|主任|书记|经理|员|主席|会计|指挥))[)）]$"
)
# "村值班室" / "公司办公室": a room of a named place is the unit (a bare "值班室" stays a post)
# "镇卫生院急诊": a hospital's emergency desk is that hospital's line, not a post
_CALL_ROOM = re.compile(
    r"(?:中控|控制|调度|监控|门卫|医务|指挥)室$|.值班室$|调度中心$|(?:院|中心)急诊(?:室|科)?$"
)
_HOURS = re.compile(r"\s*[（(]\s*(?:24\s*小时|全天|昼夜)(?:值班|值守|有人)?\s*[)）]\s*$")
# "安全环保部值班": a body's duty desk is the body's line and the duty is the role (as "X值班电话")
_BODY_ON_DUTY = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(值班|值守)$")
_PLACE_ROOM = re.compile(r"^(?:村|社区|镇|街道|公司|厂|车间|园区)[\u4e00-\u9fff]{0,8}室$")


def unit_or_role(label: str, *, duty_desk: bool = True) -> dict[str, str]:
    """Org or role of a line's label. ``duty_desk=False`` keeps "X值班" as one post: a roster's 岗位
    column names its shifts as written ("工程部值班" beside 白班 / 夜班), where a text line's label is
    the body and its desk."""
    # "应急办公室（24小时）": when the line is staffed is no part of who answers it
    label = _HOURS.sub("", label) or label
    staffed = _BODY_ON_DUTY.match(label)
    if staffed and duty_desk and (UNIT_SUFFIX.search(staffed.group(1)) or _ORG_WORD.search(staffed.group(1))):
        return {"role": staffed.group(2), "org": staffed.group(1)}
    unit = bool(UNIT_SUFFIX.search(label) or (len(label) >= 3 and _ORG_WORD.search(label)))
    # "能源中心调度室": a room of a named body is that body's line, as "公司办公室" is
    unit = unit or bool(_PLACE_ROOM.match(label) or _UNIT_ROOM.search(label))
    # "中控室　0510-…" / "调度室：…": a room that takes the calls is a place, not a post
    unit = unit or bool(_CALL_ROOM.search(label))
    return {"role": "" if unit else label, "org": label if unit else ""}


def contact_before(raw: str) -> dict[str, str]:
    """Who a number in running text reaches, from the words just before it: "联系人：张三，电话…",
    "组长陈国华，电话…", "安全科科长李明（手机…）", "值班电话：…", "报告公司应急办公室（电话：…）"."""
    dashed = dash_line_contact(raw)
    if dashed:  # "组长 — 徐国强（项目经理） — 139…": the post, the person, the body in the bracket
        return dashed
    # "周庄消防救援站——0510-86219119、86219120": a number after another one on its line reaches the same place
    raw = _EARLIER_NUMBERS.sub("", raw) or raw
    # "学校门卫室——0510-…" / "门卫室……0510-…": a dash run or dot leaders join a label to its number
    raw = _JOINER.sub("", raw)
    line = _LINE_NAMED.search(raw)
    if line:  # "公司值班电话：…" / "安环部24小时值班电话…": the line is the role, what precedes it the unit
        owner = re.split(r"[，。；;、\s：:]", line.group(1))[-1]
        unit = len(owner) >= 3 and bool(UNIT_SUFFIX.search(owner) or _ORG_WORD.search(owner))
        return {"name": "", "role": line.group(2), "org": owner if unit else ""}
    before = re.sub(r"[，,\s]*(?:联系|办公)?(?:电话|手机|号码|热线|座机|外线|固话)?\s*[:：]?\s*$", "", raw)
    before = before.rstrip("（( \u3000")  # "办公室（电话：" → "办公室"
    opened = max(before.rfind("（"), before.rfind("("))
    if opened > 0 and not re.search(r"[)）]", before[opened:]):  # "调度室（内线6366，外线…": the room
        before = before[:opened]
    person = re.search(r"([^，。；;、\s：:\d-]*)联系人\s*[:：]\s*([\u4e00-\u9fff]{2,4})$", before)
    if person:
        # "璜土镇水利站联系人：刘国平": the body named before 联系人 is whom the person answers for
        owner = person.group(1)
        if len(owner) >= 3 and (UNIT_SUFFIX.search(owner) or _ORG_WORD.search(owner)):
            return {"name": person.group(2), "role": "", "org": owner}
        return {"name": person.group(2), "role": "联系人", "org": ""}
    bracketed = _NAME_THEN_POST.search(before)
    if bracketed:  # "顾永康（组长）139…": a card's line gives the person, then the post in brackets
        return {"name": bracketed.group(1), "role": bracketed.group(2), "org": ""}
    # "安全员　许东　137…": a post, a space and a two- or three-character name
    spaced = _POST_SPACE_NAME.search(before)
    if spaced:
        return {"name": spaced.group(2), "role": spaced.group(1), "org": ""}
    # "值班电话0510-…或车间主任张卫民手机": an earlier number or an 或 ends the previous contact
    label = re.split(r"[，。；;、\s]|\d[\d-]{2,}|或", before)[-1]
    # "应急联系：总经理钱永强，电话…" / "联系方式：厂长王某": the list's own label is no part of the contact
    label = re.sub(r"^[\u4e00-\u9fff]{0,4}(?:联系|联络|通讯)(?:方式|电话|人员)?\s*[:：]", "", label) or label
    in_duty = contact_in_duty(label)
    if in_duty:  # "定山社区由网格员周立群（电话…）负责": the post and person after 由
        return in_duty
    titled = _TITLE_THEN_NAME.match(label)
    role, name = (
        (titled.group(1) or titled.group(3), titled.group(2) or titled.group(4)) if titled else ("", "")
    )
    if titled and not re.search(r"[位门室组部科队办处局司]$", name):  # not "成员单位"
        return {"name": name, "role": role, "org": ""}
    posted = _UNIT_POST_NAME.match(label)
    if posted:
        dept, post = posted.group(1) or "", posted.group(2)
        if dept and post[-2] != dept[-1]:  # "设备部经理": a post named after its department, not 安全科科长
            dept, post = "", dept + post
        return {"name": posted.group(3), "role": post, "org": dept}
    addressee = _TO_WHOM.sub("", label)
    return {"name": "", **unit_or_role(addressee if len(addressee) >= 2 else label)}


_ONE_NUMBER = r"(?:(?:0\d{2,3}-?)?\d{7,8}|1[3-9]\d{9})"
# the numbers already read on the line, each followed by 、 / or 或, right before the one being read
_EARLIER_NUMBERS = re.compile(
    rf"(?<=[\u4e00-\u9fff\s—–－―：:）)]){_ONE_NUMBER}(?:\s*[、/或]\s*{_ONE_NUMBER})*\s*[、/或]\s*$"
)
_JOINER = re.compile(r"(?<=[\u4e00-\u9fff）)])\s*(?:[—–－―─]+|…+|\.{3,}|·{2,})\s*$")
_POST_SPACE_NAME = re.compile(
    r"(?:^|[，。；;：:\s])([\u4e00-\u9fff]{0,8}(?:主任|经理|长|员|书记|主管|工程师|代表))[ \u3000]+([\u4e00-\u9fff]{2,3})\s*$"
)
_ORG_WORD = re.compile(r"(办事处|管理处|政府|局|公司|所|站|院|办|中心|队|组|委员会|部|科|厂)$")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_UNIT_ROOM = re.compile(r"办公室$|(?:局|公司|政府|办事处|中心|部|站|所|院|队)[\u4e00-\u9fff]{0,3}室$")


_PHONE_LABEL = re.compile(r"(?:联系|办公|值班)?(?:电话|手机|号码|座机|固话|传真)")
_NUMBER_TOKEN = re.compile(
    r"^(?:[（(]?\d{1,2}[)）.、．]?|[（(][一二三四五六七八九十]{1,3}[)）]|[①-⑳]|第[一二三四五六七八九十百\d]+条)$"
)


def _row_contact(text: str, phone_at: int) -> dict[str, str] | None:
    """A table row that reached us as a line ("总指挥 王建国 临港街道办事处 0510-…", e.g. from OCR)."""
    line_start = text.rfind("\n", 0, phone_at) + 1
    dashed = dash_line_contact(text[line_start:phone_at])
    if dashed:  # "组长 — 徐国强（项目经理） — 139…": the dashes are no cells
        return dashed
    # "1. 拨打119": a list number is not a cell of the row
    tokens = [t for t in text[line_start:phone_at].split() if not _NUMBER_TOKEN.match(t)]
    # "储运部经理　赵德明：139…": a name before a colon labels the number; the line is no row of cells
    if (
        tokens
        and re.fullmatch(r"[\u4e00-\u9fff]{2,3}[:：]", tokens[-1])
        and not _PHONE_LABEL.match(tokens[-1])
    ):
        return None
    # "第八条 事故发生后，驾驶人员应立即拨打110": a sentence is not a row of cells
    if any(re.search(r"[，。；;,]", t) for t in tokens):
        return None
    # "火警119　急救120": a label glued to an earlier number is that number's contact, not a cell of this one
    tokens = [t for t in tokens if not (re.search(r"\d{3}", t) and re.search(r"[\u4e00-\u9fff]", t))]
    if len(tokens) < 2:
        return None
    contact = {"name": "", "role": "", "org": ""}
    for token in tokens:
        # "值班室" is a post; "镇安监办公室" and "市应急管理局值班室" are units
        post = token in ROLE_TITLES or (
            re.search(r"(室|员|长|指挥|主任|经理|总监|书记|主管)$", token) and not _UNIT_ROOM.search(token)
        )
        if not contact["role"] and post:
            contact["role"] = token
        elif not contact["org"] and (_ORG_WORD.search(token) or _UNIT_ROOM.search(token)) and len(token) >= 3:
            contact["org"] = token
        elif not contact["name"] and _PERSON.match(token):
            contact["name"] = token
    return contact if any(contact.values()) else None
