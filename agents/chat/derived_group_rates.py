"""Per-group derived figures, round 4 (ADR 0018): rates per group, 每个镇平均 per group, wordings.

"各镇街今年的隐患整改率", "各类企业隐患整改了几成", "上个月各镇告警处置率各是多少", "重大隐患和一般
隐患的整改率各是多少": round 2 reads a completion rate as two counts of one place, so per group it was
declined. A rate is a share whose part the caller did not spell out (round 2's convention: 已整改 or
已验收 hazards, 已处置 alarms, online sensors), so per group it is round 3's grouped share with that
part, each group over its own records of the period. "全市各类企业每个镇平均有几家": each group's
records over the towns that have enterprises. "平均下来每起", "平均算下来每家": the same as 平均每.
Pure text work; the query and the answer are ``derived_group_run``'s.
"""

from __future__ import annotations

import re

from agents.chat.derived_groups import Grouped, _conditions, _group, _kind
from agents.chat.slots import Gazetteer, extract_slots

# rate words → (record kind, the part's conditions); "整改了几成" / "处置了百分之几" say the same rate
_RATES = (
    (
        r"整改(?:完成)?率|销号率|闭环率|(?:整改(?:完成)?|销号|闭环)了?(?:几成|百分之几|百分之多少|多大比例|多少比例|多少比重)",
        "隐患",
        {"statuses": ["已整改", "已验收"]},
    ),
    (
        r"处置率|办结率|处置了?(?:几成|百分之几|百分之多少|多大比例|多少比例)",
        "告警",
        {"statuses": ["已处置"]},
    ),
    (r"在线率", "传感器", {"online": True}),
    (r"离线率|掉线率", "传感器", {"online": False}),
)
_SAID_AVERAGE = re.compile(r"平均(?:下来|算下来|来看|起来|算)[，,]?(?=每)")
_TOWNS_AVERAGE = re.compile(r"每个?(?:镇街|镇|街道)(?:的)?平均|平均每个?(?:镇街|镇|街道)")


def said_plainly(text: str) -> str:
    """ "平均下来每起罚款多少" → "平均每起罚款多少": the readers know one way to say an average."""
    return _SAID_AVERAGE.sub("平均", text)


def grouped_rate(text: str, gazetteer: Gazetteer) -> Grouped | None:
    """A completion rate per group, as a grouped share of each group's own records, or None."""
    for words, kind, part in _RATES:
        m = re.search(words, text)
        if m is None:
            continue
        towns = tuple(
            dict.fromkeys(t for _, t in sorted(gazetteer.find(text), key=lambda f: text.find(f[0])))
        )
        group, towns = _group(text, towns)
        if not group:
            return None  # one rate: round 2's pair of counts
        said = text[: m.start()] + text[m.end() :]
        filters = _conditions(extract_slots(said, gazetteer), kind, group, said)
        filters = {k: v for k, v in filters.items() if k not in part}  # the rate's own state is the part
        return Grouped("share", kind, group, filters, dict(part), True, period_text=text, towns=towns)
    return None


def towns_average(text: str, gazetteer: Gazetteer) -> Grouped | None:
    """ "各类企业每个镇平均有几家": per group (not per town), the group's records over the towns."""
    m = _TOWNS_AVERAGE.search(text)
    if m is None:
        return None
    said = text[: m.start()] + text[m.end() :]
    kind = _kind(said)
    if kind is None or kind == "职工":
        return None
    group, towns = _group(said, ())
    if group in ("", "town"):
        return None  # 每个镇平均多少家企业: round 2's one average
    filters = _conditions(extract_slots(said, gazetteer), kind, group, said)
    return Grouped("average", kind, group, filters, members="镇街", period_text=text, towns=towns)


__all__ = ["grouped_rate", "said_plainly", "towns_average"]
