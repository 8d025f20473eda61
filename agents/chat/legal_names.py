"""A firm's full legal name as callers type it, brought to the form the register keeps.

Callers paste the name from a licence or a letterhead, and those differ from the register's
"江阴市X有限公司" in a few set ways (chat round 27): the seat in brackets after the trade name
("达尚食品（江阴）有限公司"), 有限责任公司 for 有限公司, and a branch suffix after the company
("…有限公司夏港分公司", "…集团有限公司江阴分公司"). The demo register holds no branches, so a
branch is read as its company. Each is rewritten before the enterprise mention is looked up; the
name words themselves are left alone.
"""

from __future__ import annotations

import re

# "（江阴）" / "(华士)" between a trade name and its company form: the seat, not part of the name.
_SEAT = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[)）](?=(?:集团)?(?:股份)?有限(?:责任)?公司)")
_LIMITED_LIABILITY = re.compile(r"有限责任公司")
# "有限公司" + a place + 分公司 / 分厂: the branch of the company just named.
_BRANCH = re.compile(r"(有限公司)[\u4e00-\u9fff]{1,8}?(?:分公司|分厂)")


def register_form(text: str) -> str:
    """``text`` with a pasted legal name in the register's form ("X（江阴）有限责任公司Y分公司" → "X有限公司")."""
    text = _SEAT.sub("", text)
    text = _LIMITED_LIABILITY.sub("有限公司", text)
    return _BRANCH.sub(r"\1", text)


__all__ = ["register_form"]


# A unit's name after its company's legal name ("中国石化销售股份有限公司江苏无锡江阴澄江芙蓉加油站"): the
# place words in it (澄江, 华士) name the station, not the town asked about (chat round 28).
_UNIT_OF_COMPANY = re.compile(
    r"(?<=有限公司)[\u4e00-\u9fff]{2,24}?(?:加油站|加气站|充电站|油库|分公司|营业部)"
)


def outside_unit_names(text: str) -> str:
    """``text`` with the unit part of a legal name blanked (same length), for the town search only."""
    return _UNIT_OF_COMPANY.sub(lambda m: " " * len(m.group(0)), text)
