"""Firms or towns asked over records: the list head says how many firms, or which towns, the rows involve.

"去年被罚过的厂有哪些" is answered by the penalty records (one row per penalty: the record stays the unit
of the list, and the dataset's "被处罚过的企业 = penalties listed" lines count it), but the officer asked
for firms, and 52 penalties of 46 firms said as "共查到 52 次行政处罚" reads as 52 firms. "单笔罚款超过
5万元的企业都在哪些镇街" asks for the towns: the rows are 8 penalties in 6 towns, and the answer named
none of them (the town sits in the rows only). The head keeps the record count and adds the firms the
rows name ("涉及 46 家企业") or, where towns are asked, the towns ("分布在 5 个镇街（A、B…）"). Only the
head changes: the rows, and so every count a follow-up takes from them, stay the records.
Pure functions; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

# A firm noun as the thing asked ("哪些企业被处罚", "被罚过的厂有哪些", "企业名单", "被罚款的有哪几家"),
# not the owner of the records asked ("我们公司有哪些隐患", "企业有哪些隐患没整改": the hazards).
_FIRM = r"(?:企业|厂子|厂家|工厂|厂|公司|单位)"
_RECORD_AFTER = r"(?![^，,。？?！!]{0,4}(?:隐患|处罚|罚款|罚单|检查|记录|问题|作业|报警|告警|事件))"
_FIRMS_ASKED = re.compile(
    rf"(?:哪些|哪几家|哪家|哪几个|哪个){_FIRM}|{_FIRM}(?:都)?(?:有|是)(?:哪些|哪几家|哪家){_RECORD_AFTER}|"
    rf"{_FIRM}(?:名单|清单)|涉及的?{_FIRM}|(?:有|是)哪几家"
)
# Towns as the thing asked: "分布在哪些镇街", "都在哪几个镇", "是哪些街道的".
_TOWNS_ASKED = re.compile(r"(?:哪些|哪几个|哪个)(?:镇街|镇|街道|乡镇|片区)|分布在哪|分布于哪")


def firms_or_towns_asked(question: str) -> str | None:
    """Towns or firms ("towns" / "firms") when the question asks for those behind its records, else None."""
    if _TOWNS_ASKED.search(question):
        return "towns"
    if _FIRMS_ASKED.search(question):
        return "firms"
    return None


def involved(question: str, rows: Sequence[Mapping[str, Any]]) -> str:
    """The words to add after a records list's count ("，涉及 46 家企业"), or "" when nothing is asked of
    the firms or towns, or the rows are not records of firms (an enterprise list names its firms itself)."""
    asked = firms_or_towns_asked(question)
    if asked is None or not rows or "enterprise_id" not in rows[0]:
        return ""
    firms = {str(r["enterprise_id"]) for r in rows if r.get("enterprise_id")}
    said = f"，涉及 {len(firms)} 家企业"
    if asked == "towns":
        towns = list(dict.fromkeys(str(r["town"]) for r in rows if r.get("town")))  # first seen first
        said += f"，分布在 {len(towns)} 个镇街（" + "、".join(towns) + "）"
    return said


__all__ = ["firms_or_towns_asked", "involved"]
