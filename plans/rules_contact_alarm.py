"""Alarm columns of an 应急处置卡 / 联络卡: a 报警电话 (外部报警, 求援电话) column says whom the post calls
("火警119", "调度室0510-…", "120急救"), not the post's own line. Each number there is the contact the
cell names, once however many rows repeat it; the row's post, person and unit are not its."""

from __future__ import annotations

import re

from plans.rules_contacts import contact_before

_ALARM_HEADER = re.compile(r"报警|求援|求救|外部救援")
_SEPARATORS = r"[；;，,、\n\s]"
# "港华燃气抢修" / "自来水公司报修热线": a utility's repair service the post calls is an org, not a post
_SERVICE = re.compile(r"^[\u4e00-\u9fff]{2,}(?:抢修|报修|维修|客服)(?:中心|热线|电话)?$")


def alarm_column(header: str) -> bool:
    return bool(_ALARM_HEADER.search(header))


def alarm_contact(cell: str, start: int, end: int, previous_end: int) -> dict[str, str]:
    """name / role / org of the number at ``start:end`` of an alarm cell: the words before it since the
    previous number, else the words right after it ("120急救")."""
    before = re.split(_SEPARATORS, cell[previous_end:start])[-1].strip(" ：:（(")
    after = re.split(_SEPARATORS, cell[end:].lstrip(" ：:）)"))[0].strip(" （()）")
    label = before if re.search(r"[\u4e00-\u9fff]", before) else after
    if not re.search(r"[\u4e00-\u9fff]", label):
        return {"name": "", "role": "", "org": ""}
    if _SERVICE.match(label):
        return {"name": "", "role": "", "org": label}
    return contact_before(label)
