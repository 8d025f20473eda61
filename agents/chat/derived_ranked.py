"""The groups at the top or bottom of a share or rate, and two places' rates compared (ADR 0018, round 7).

"企业数量占全市比例最高的三个镇街", "本月哪三类告警占比最高", "哪个镇街没整改的隐患最多，占全市的多少",
"上个月告警处置率最低的是哪个镇", "今年隐患整改率垫底的镇街", "华士镇和周庄镇今年的隐患整改率谁高":
the grouped readers want 各镇/各类 and the per-group answer lists every group, so these were asked
back, or answered with a count. Here the group is read from 哪个镇/前三名/哪类告警, the question is
read as the per-group share or rate it ranks (``derived_groups`` / ``derived_group_rates``), run by
``derived_group_run``, and the answer keeps the first N groups (ties at the cut kept), highest or
lowest first, each with its figure; two named places get both rates and which one is higher.
Pure text work apart from ``run``, which goes through ``derived_group_run``.
"""

from __future__ import annotations

import re
from typing import Any

from agents.chat.derived_group_rates import RATES, grouped_rate
from agents.chat.derived_group_run import Sources
from agents.chat.derived_group_run import run as run_grouped
from agents.chat.derived_groups import Grouped, grouped
from agents.chat.models import ChatAnswer
from agents.chat.slots import Gazetteer
from core.scope import Principal

_N = r"[一二两三四五六七八九十\d]"
_HIGH = re.compile(rf"最高|最多|最大|前{_N}+名?|排名?(?:靠)?前|名列前茅")
_LOW = re.compile(r"最低|最少|最小|垫底|最差|倒数|排名?(?:靠)?后|末位")
_GROUPS = (
    ("event_type", re.compile(rf"(?:哪|{_N}+)[一二两三四五几]?[类种](?:的)?(?:告警|报警)|告警类型")),
    (
        "category",
        re.compile(rf"(?:哪|{_N}+)[一二两三四五几]?(?:类|个行业|种)(?:的)?企业|哪[一二两三四五几]?个?行业"),
    ),
    # 前五家企业, 哪三家企业, 哪家单位 (round 9): the records' firms; before town, which wants 镇/街道
    (
        "firm",
        re.compile(
            rf"(?:前|哪)[一二两三四五六七八九十\d]*(?:家|名?的?(?:企业|单位|公司))|{_N}+家(?:企业|单位|公司|厂)"
        ),
    ),
    (
        "town",
        re.compile(rf"(?:哪|前|{_N}+个|几个)[^，,。？?]{{0,4}}?(?:镇街|镇|街道)|(?:镇街|镇|街道)(?:是)?哪"),
    ),
)
_COUNT = re.compile(
    rf"前({_N}+)名?|({_N}+)(?:个|类|种|家)(?:镇|街|告警|报警|企业|行业)|哪({_N}+)[个类种]|最\S{{1,2}}的({_N}+)[个类种]"
)
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PREFIX = {"town": "各镇街", "category": "各类企业", "event_type": "各类告警", "firm": "各企业"}
# 占…的多少 / 占了几成: a share said without 占比/百分之 (几成 is answered as a percent, (23))
_SHARE_SAID = re.compile(r"(占[^，,。？?]{0,14}?)(?:的)?(?:多少|几成|多大)(?!条|家|起|次|个|元)")
_WHICH_HIGHER = re.compile(
    r"谁[更较]?[高低]|哪(?:个|一个|家)?[^，,。？?]{0,3}?[更较比]?[高低]|谁[好差]|哪个好"
)
_PAIR_JOIN = re.compile(r"[和与跟及、]")


def ranked(text: str, gazetteer: Gazetteer) -> tuple[Grouped, int, bool] | None:
    """(the per-group figure, N, lowest first) when the first or last groups of a share or rate are asked."""
    low, high = _LOW.search(text), _HIGH.search(text)
    if not (low or high) or (not (rate := _rate(text)) and not _share(text)):
        return None
    group = next((g for g, words in _GROUPS if words.search(text)), "")
    if not group:
        return None
    said = _PREFIX[group] + _SHARE_SAID.sub(r"\1百分之几", text)
    g = grouped_rate(said, gazetteer) if rate else grouped(said, gazetteer)
    if g is None or g.mode != "share" or g.group != group:
        return None
    lowest = low is not None and (high is None or low.start() < high.start())
    return g, _count(text), lowest


# 增长最快/增幅最大 (round 9): the groups ranked by their growth rate, not by their count
_FASTEST = re.compile(
    r"(?P<up>增长|增加|上升|上涨|涨)得?最快|(?P<up2>增幅|涨幅|增长率|增速)最[大高快]"
    r"|(?P<down>下降|减少|降|跌)得?最快|(?P<down2>降幅|跌幅)最大"
)


def fastest(text: str, gazetteer: Gazetteer) -> tuple[Grouped, int, bool] | None:
    """(the per-group change, N, falling fastest) when the groups growing or falling fastest are asked."""
    m = _FASTEST.search(text)
    group = next((g for g, words in _GROUPS if words.search(text)), "") if m else ""
    if m is None or not group:
        return None
    g = grouped(_PREFIX[group] + text[: m.start()] + "变化", gazetteer)
    if g is None or g.mode != "growth" or g.group != group:
        return None
    return g, _count(text), bool(m["down"] or m["down2"])


def run_fastest(
    found: tuple[Grouped, int, bool], principal: Principal, sources: Sources
) -> ChatAnswer | None:
    """The first N groups by (this − before) ÷ before; a group with nothing before has no rate (无法计算)
    and is left out of the ranking, said in the answer."""
    g, n, falling = found
    got = run_grouped(g, g.period_text, principal, sources)
    if got is None or got.path != "derived":
        return got
    rates = [(float(r["n"]) - float(r["before"])) / float(r["before"]) for r in got.rows if r.get("before")]
    rows = sorted(
        (r for r in got.rows if r.get("before")),
        key=lambda r: (float(r["n"]) - float(r["before"])) / float(r["before"]),
        reverse=not falling,
    )
    if not rows:
        return got
    cut = sorted(rates, reverse=not falling)[min(n, len(rows)) - 1]
    kept = [
        r for r in rows if (float(r["n"]) - float(r["before"])) / float(r["before"]) == cut or r in rows[:n]
    ]
    head = got.answer.split("\n", 1)[0].rstrip("：:")
    word = "下降" if falling else "增长"
    lines = "\n".join(
        f"{i}. {r['group']}：本期 {_show(r['n'])} {g.unit}，上期 {_show(r['before'])} {g.unit}，{r['change']}"
        for i, r in enumerate(kept, 1)
    )
    skipped = len(got.rows) - len(rows)
    unranked = f"\n（另有 {skipped} 个上期为 0 的分组无法计算增长率，不参加排名）" if skipped else ""
    tie = "（含并列）" if len(kept) > n else ""
    source = "\n（由一条分组固定查询统计各组两期的数，按增长率 = (本期 − 上期) ÷ 上期 排序；原始行见引用）"
    return got.model_copy(
        update={"answer": f"{head}\n其中{word}最快的{tie}：\n{lines}{unranked}{source}", "rows": kept}
    )


def pair(text: str, gazetteer: Gazetteer) -> Grouped | None:
    """Two named places' rates, when which one is higher is asked ("A镇和B镇的整改率谁高")."""
    if not _WHICH_HIGHER.search(text) or not _rate(text) or not _PAIR_JOIN.search(text):
        return None
    if len({t for _, t in gazetteer.find(text)}) != 2:
        return None
    g = grouped_rate(text + "（分别）", gazetteer)  # each place over its own records, as 各自
    return g if g is not None and g.group == "town" and len(g.towns) == 2 else None


def run_ranked(found: tuple[Grouped, int, bool], principal: Principal, sources: Sources) -> ChatAnswer | None:
    g, n, lowest = found
    got = run_grouped(g, g.period_text, principal, sources)
    if got is None or got.path != "derived":
        return got
    rows = [r for r in got.rows if r.get("total")]  # a group with no records has no rate to rank
    rows.sort(key=lambda r: float(r["n"]) / float(r["total"]), reverse=not lowest)
    if not rows:
        return got
    cut = float(rows[min(n, len(rows)) - 1]["n"]) / float(rows[min(n, len(rows)) - 1]["total"])
    kept = rows[:n] + [r for r in rows[n:] if float(r["n"]) / float(r["total"]) == cut]  # ties at the cut
    head = got.answer.split("\n", 1)[0].rstrip("：:")
    each = "家" if g.group == "firm" else "个"
    which = f"{'最低' if lowest else '最高'}的{'前 ' + str(n) + ' ' + each if n > 1 else ''}"
    lines = "\n".join(
        f"{i}. {r['group']}：{_show(r['n'])}/{_show(r['total'])} {g.unit}，{r['share']}"
        for i, r in enumerate(kept, 1)
    )
    tie = "（含并列）" if len(kept) > n else ""
    source = "\n（由一条分组固定查询统计各组的两个数，再按公式计算并排序；全部分组的原始行见引用）"
    return got.model_copy(update={"answer": f"{head}中{which}{tie}：\n{lines}{source}", "rows": kept})


def run_pair(g: Grouped, principal: Principal, sources: Sources) -> ChatAnswer | None:
    got = run_grouped(g, g.period_text, principal, sources)
    if got is None or got.path != "derived":
        return got
    by_town = {str(r["group"]): r for r in got.rows}
    a, b = (by_town.get(t) for t in g.towns)
    if a is None or b is None or not a.get("total") or not b.get("total"):
        missing = "、".join(t for t in g.towns if not (by_town.get(t) or {}).get("total"))
        verdict = f"{missing}所问时段没有记录，无法计算比率，无法比较。"
    else:
        ra, rb = float(a["n"]) / float(a["total"]), float(b["n"]) / float(b["total"])
        if ra == rb:
            verdict = f"{g.towns[0]}与{g.towns[1]}持平（均为 {a['share']}）。"
        else:
            hi, lo = (a, b) if ra > rb else (b, a)
            verdict = f"{hi['group']}更高（{hi['share']}），{lo['group']}较低（{lo['share']}）。"
    return got.model_copy(update={"answer": verdict + "\n" + got.answer})


def _rate(text: str) -> bool:
    return any(re.search(words, text) for words, _, _ in RATES)


def _share(text: str) -> bool:
    return bool(re.search(r"占|比例|比重|百分之|百分比|几成", text))


def _count(text: str) -> int:
    m = _COUNT.search(text)
    said = next((x for x in m.groups() if x), "") if m else ""
    if said.isdigit():
        return int(said)
    return _DIGITS.get(said, 1) if said else (3 if "几个" in text or "哪几" in text else 1)


def _show(n: Any) -> str:
    return str(int(n)) if float(n).is_integer() else f"{float(n):.2f}"


__all__ = ["fastest", "pair", "ranked", "run_fastest", "run_pair", "run_ranked"]
