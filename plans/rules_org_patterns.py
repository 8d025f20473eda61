"""Sentence patterns of the organisation section (rules_org reads them): bodies set up, aliases, posts
appointed ("X任Y", "…为成员"), offices by their seat, groups set up under a body, duty labels."""

from __future__ import annotations

import re

from plans.rules_org_names import ROLE_TITLES

ALIAS = re.compile(r"[（(](?:以下)?简称[“\"]?([^）)”\"]{2,20})[”\"]?[)）]")
# "指挥机构：X指挥部（以下简称…）" / "办事机构：…办公室设在…": a field label (a key-value table row)
BODY_FIELD = re.compile(r"^(?:应急)?(?:指挥|领导|组织|办事|日常|常设)?机构(?:名称)?\s*[:：]\s*")
# "下设办公室和三个工作组": a name never runs on past 和 into a count (the list names no body of that name)
_COUNTED_TAIL = r"(?:和|及|以及)\s*(?:\d+|[一二三四五六七八九十两]+)\s*个"
SETS_UP = re.compile(
    rf"(?:设立|成立|组建|下设|组成)(?:了)?((?:(?!{_COUNTED_TAIL})[^，。；、（(：:由的]){{2,20}}?"
    r"(?:指挥部|办公室|委员会|工作组|小组|中心|专班|组|队)(?![长员织建成]))"
)
# "成立X，负责…" / "…专家组成专家组，为事故处置提供技术支持": the duty the body is set up for; an alias
# bracket may stand between the body and its duty ("成立X（以下简称街道指挥部），负责组织…")
SET_UP_DUTY = re.compile(
    r"\s*(?:[（(](?:以下)?简称[^）)]{2,24}[)）])?\s*[，,]\s*(负责[^；;。]+|为[^；;。]*?提供[^；;。]+)$"
)
ROLE_REN = re.compile(
    rf"(?:^|[，,])\s*([^，,。；]{{2,30}}?)\s*(?:担|兼)?任\s*(?:办公室|指挥部|领导小组|小组|专班)?({'|'.join(ROLE_TITLES)})(?=[，,。；]|$)"
)
# "在镇党委、镇政府统一领导下，" / "在市应急委的统一领导下，": who the body answers to frames its duty
# sentence; without the frame the sentence reads "领导小组负责…"
LEADERSHIP_FRAME = re.compile(r"在[^，,。；;]{2,30}?(?:的)?(?:统一)?(?:领导|指挥|指导)下\s*[，,]\s*")
# "以总经理为总指挥" / "仓库主管为副组长": the holder before 为 and a leading post after it (member posts
# are MEMBERS_ARE's)
_LEADING_TITLES = [
    t for t in ROLE_TITLES if not re.search(r"单位|成员|组员|联络员|委员|负责人|^牵头$|^配合$|^指挥$", t)
]
ROLE_AS = re.compile(
    # not "组长为办公室主任" (a title before 为 is ROLE_IS's "title 为 holder")
    rf"(?:^|[，,；;])\s*以?\s*(?!(?:{'|'.join(ROLE_TITLES)})\s*为)([^，,。；;以]{{2,30}}?)\s*为\s*(?:办公室|指挥部|领导小组|小组|专班)?({'|'.join(_LEADING_TITLES)})(?=[，,。；;]|$)"
)
# "街道党政办、…主要负责人为成员": the member list before the title
MEMBERS_ARE = re.compile(
    r"(?:^|[，,；;])\s*([^，,。；;]{2,150}?)\s*(?:为|是)\s*(?:指挥部|领导小组|小组|委员会)?(成员单位|成员|组员|队员)"
    r"(?=[，,。；;]|$)"
)
# "领导小组办公室设在安全监察科": the office is introduced by where it sits
SEATED = re.compile(r"^([^，。；、\s]{2,20}?办公室)\s*(?:设在|设于)")
# "领导小组根据需要成立以下工作组" / "开发区指挥部下设5个专业工作组": the groups below sit under the subject
GROUPS_UNDER = re.compile(
    r"(?:^|[，,])\s*([^，,。；;]{2,24}?)\s*(?:根据[^，,。；;]{0,8}?需要|视情况?|可)?\s*(?:牵头)?"
    r"(?:下设|设立|成立|组建|编为|(?:设|分为?)(?=\s*(?:\d+|[一二三四五六七八九十两]+)\s*个))(?:以下|下列|如下)?\s*"
    # "消防队分两个班" / "编为三个战斗班": counted 班 are the body's squads
    r"(?:(?:\d+|[一二三四五六七八九十两]+)\s*个[^，,。；;]{0,4}?班"
    r"|(?:\d+|[一二三四五六七八九十两]+)?\s*个?[^，,。；;]{0,6}?(?:工作组|小组|专业组|组|专班|指挥部))(?=[，,。；;：:]|$)"
)
# "镇指挥部下设办公室，设在…": a bare 办公室 is the subject's office, named after it ("镇指挥部办公室")
BARE_OFFICE = re.compile(
    rf"(?:^|[，,])\s*([^，,。；;]{{2,24}}?)\s*(?:下设|设立|设)\s*办公室(?=[，,。；;]|$|{_COUNTED_TAIL})"
)
COMPOSED = re.compile(r"^(.{2,20}?)由\s*([^，。；]{2,200}?)\s*(?:等\s*)?(?:单位|部门)?(?:组成|构成)")
UNIT_LEAD = re.compile(
    # "■ 灭火组　组长：…" (a list glyph before the unit, or none when OCR dropped it)
    r"^(?:[■□●○◆◇▪▫•·◎➢►▶]\s*)?"
    # "罐区设现场应急小组，由…": the place that sets the unit up is no part of its name
    r"(?:[^，。：:；、\s]{1,10}?(?<![下增开建假分])(?:设立|成立|组建|设(?![立备施计置在于]))\s*(?!以下|下列|如下|各|\d|[一二三四五六七八九十]+个))?"
    # "一班班长由…担任": a 班 is a unit only where its own 班长 follows
    r"([^，。：:；、]{1,20}?(?:指挥部|办公室|工作组|小组|[^，。：:；、\s]{1,10}组|[^，。：:；、\s]{1,10}专班|中心|突击队|救援队|抢险队|[^，。：:；、\s]{1,10}队|班(?=班长)))"
    # "抢险组：由…牵头" or, without the colon, "抢险组由…牵头，…参加，负责…"
    # or "灭火组　组长：A；组员：B" (its posts after a space, or run on where OCR lost the space)
    # or "抢险组组长由A担任，组员包括B" (the group's post run on to its name)
    r"(?:\s*[，,：:]\s*|(?=由[^，。；]{1,40}?(?:牵头|参加|配合|负责))|\s*(?=(?:组长|副组长|队长|副队长|组员|队员)\s*[:：])"
    # or "抢险组由储运部经理任组长，负责…" (the holder first, then the post it takes)
    r"|(?=(?:组长|队长|班长)由)|(?=由[^，。；]{1,30}?(?:担|兼)?任\s*(?:副?组长|副?队长|副?班长)(?:[，,。；;]|$)))(.+)$"
)
# A known unit as the subject of a duty sentence: "抢险堵漏组负责…"
NAMED_SUBJECT = re.compile(r"^([^，,。；;:：、\s]{2,20}?)(?=负责)")
NOT_A_NAME = re.compile(r"^(?:由|在)|设在|设于|设立|成立|组建|位于|下设|负责|根据|按照|是|为")
SUBJECT = re.compile(r"^(?:本|该)?(?:指挥部|办公室|小组|工作组|该组|本组|队伍)(?=负责|承担)")
# "其职责是：①…" after a group's posts: 其 is the group just named (no owner of its own)
DUTY_LABEL = re.compile(
    r"^(?:其)?([^，。；]{0,20}?)(?:的)?(?:主要)?(?:职责|任务)(?:是|为|如下)?\s*[:：]\s*(.+)$", re.S
)
# "领导小组主要职责：" on its own line: the numbered items that follow are the duties
DUTY_INTRO = re.compile(r"^[^，。；]{0,20}?(?:主要)?(?:职责|任务)(?:是|为|如下)?\s*[:：]?\s*$")
# "组长单位：…；成员单位：…。主要职责：" / "…兼任。应急办公室职责：" — a paragraph that ends by
# introducing the list below
# "…是指挥部的日常工作机构，其主要职责：" as well
TRAILING_DUTY_INTRO = re.compile(
    r"[。；;，,]\s*[^，,。；;]{0,20}?(?:主要)?(?:职责|任务)(?:是|为|如下)?\s*[:：]\s*$"
)
