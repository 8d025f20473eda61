"""Scoring of derived figures in the duty-officer chat (chat round: derived figures, ADR 0018).

A derived figure is computed from two counts, so the gold query returns the two counts and the
figure is computed here, independently of the system, under the conventions of ``evals/README.md``
(written before measuring):

* ``whole_part`` (总数…其中X): gold ``[whole, part]``; the answer states both numbers;
* ``share`` (占比/比例/百分之几): gold ``[part, whole]``; the answer states both numbers and
  part / whole as a percent with one decimal ("12.7%"); a whole of 0 must be said (无法计算);
* ``growth`` (增长率, 同比/环比增长多少): gold ``[this, last]``; the answer states both numbers,
  |this − last| / last as a percent with one decimal and the right direction; last = 0 must be said
  (无法计算增长率) with both numbers;
* ``difference`` (多了几起, 增减情况): gold ``[this, last]``; both numbers, |this − last| and the
  right direction;
* ``grouped_share`` (各镇X占比): gold rows ``(key, n, w)`` = group, part, whole; two columns of the
  answer hold the (group, part) pairs (as ``grouped``), and the answer states each group with a
  part above 0 and its percent.
* ``average`` (平均每家/每起/每个镇, round 2): gold ``[total, count]``; the answer states both numbers
  and total / count with two decimals, halves rounded up ("0.49"); a count of 0 must be said (无法计算);
* ``grouped_growth`` (各镇…环比, round 2): gold rows ``(key, n, w)`` = group, this period, the period
  before; two columns hold the (group, this period) pairs (as ``grouped``), and the answer names each
  group with a count above 0 in either period and, where the period before is above 0,
  |n − w| / w as a percent;
* ``clarify`` (a change with no period said, round 2): no numbers in the rows, and the answer asks
  back which periods (哪 + 时间/时段/期间/时期/月/年).
* ``grouped_average`` (各类企业平均每家几个X, round 3): gold rows ``(key, n, w)`` = group, total, members;
  two columns hold the (group, total) pairs (as ``grouped``), and the answer names each group with
  members and its mean n / w with two decimals, as ``average``.
* ``rate_change`` (整改率环比, 处置率比上月提高了多少, round 5): one gold row ``(n, w, n0, w0)`` = this
  period's part and whole, the period before's; the rows hold the four counts (at most two rows), and
  the answer states both rates as ``share`` and their difference in percentage points, one decimal
  from the exact rates ("5.5个百分点"), with the direction; a whole of 0 must be said (无法计算).
* ``top_share`` / ``bottom_share`` (占比最高的三个镇, 哪个镇X最多占多少, 处置率最低的镇, round 6): gold rows
  ``(key, n, w)`` for every group, ranked by n / w (groups with w = 0 unranked), the line's ``top`` = N;
  one column of the rows holds the first N groups (ties at the cut either way, as ``top``), and the
  answer names each of them with its percent as ``share``;
* ``pair_rate`` (A镇和B镇的整改率谁高, round 6): gold rows ``(key, n, w)`` for the two places, scored as
  ``grouped_share``, and the answer says which is higher ("A更高/较高/高于", "B更低/较低/低于"; 持平/相同);
* ``own_vs_city`` (我镇平均每家…跟全市平均比, town officer, round 6): gold rows ``本镇`` and ``全市``
  ``(key, n, w)``; the rows hold the town's total and members and not the city's, and the answer states
  the town's mean (as ``average``), not the city's, and that the city figure is outside the caller's
  scope (无权/范围/权限).
* ``median`` (中位数, round 8): gold rows ``(key, n)`` for every member (those with nothing included);
  the rows (at most two) hold the median and, for a line with ``with_max``, the largest value; the
  answer states the median (plain, 18 / 18.5, or with two decimals as ``average``) and, with
  ``with_max``, the largest value and a member holding it (最多的一家).
* ``top_growth`` (增长最快的镇, round 9): gold rows ``(key, n, w)`` = group, this period, the period
  before, ranked by (n − w) / w (groups with w = 0 unranked: a rate from nothing is 无法计算); one
  column of the rows holds the first ``top`` groups (ties at the cut either way, as ``top``), and the
  answer names each of them with |n − w| / w as a percent (as ``growth``).
* ``ranked_share`` (各镇整改率从高到低排, round 9): ``grouped_share``, and the answer names the groups
  with a whole above 0 in the order of their rates, highest first (ties in either order).
* ``missing`` (人均产值, round 9: data the city does not hold): the gold row's ``key`` is the missing
  item; no numbers in the rows, and the answer names the item and says it is not held (没有/无/未/不).

Execution is checked on the rows (both counts in at most two rows; for the per-group form the
pairs), the figure on the answer text, since the rows hold counts and the figure is prose.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any

DERIVED_KINDS = (
    "whole_part",
    "share",
    "growth",
    "difference",
    "grouped_share",
    "average",
    "grouped_growth",
    "clarify",
    "grouped_average",
    "rate_change",
    "top_share",
    "bottom_share",
    "pair_rate",
    "own_vs_city",
    "median",
    "top_growth",
    "ranked_share",
    "missing",
)
NOT_HELD_WORDS = ("没有", "无", "未", "不")
SCOPE_WORDS = ("无权", "范围", "权限")
ASK_BACK_WORDS = ("时间", "时段", "期间", "时期", "月", "年")
UP_WORDS = ("增长", "增加", "上升", "多")
DOWN_WORDS = ("下降", "减少", "降低", "少")
SAME_WORDS = ("持平", "一样", "相同", "没有变化")


def _norm(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def percent(part: float, whole: float) -> str:
    """part / whole as a percent, one decimal, halves rounded away from zero (12.25 → 12.3)."""
    value = Decimal(str(part)) * 100 / Decimal(str(whole))
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def mean(total: float, count: float) -> str:
    """total / count with two decimals, halves rounded away from zero (2.345 → 2.35)."""
    value = Decimal(str(total)) / Decimal(str(count))
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _numbers(rows: list[dict[str, Any]]) -> set[str]:
    return {
        _norm(v) for r in rows for v in r.values() if isinstance(v, int | float) and not isinstance(v, bool)
    }


def versus_ok(gold: list[Any], rows: list[dict[str, Any]]) -> bool:
    """多了还是少了: both periods' numbers (gold ``[this period, the earlier one]``) in at most two rows."""
    want = {_norm(g) for g in gold}
    return 0 < len(rows) <= 2 and want <= _numbers(rows)


def points(n: float, w: float, n0: float, w0: float) -> str:
    """The change between two rates in percentage points, one decimal, halves away from zero."""
    value = abs(Decimal(str(n)) * 100 / Decimal(str(w)) - Decimal(str(n0)) * 100 / Decimal(str(w0)))
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}个百分点"


def _rate_change_ok(gold: dict[str, Any], answer: str) -> bool:
    n, w, n0, w0 = (float(gold[k]) for k in ("n", "w", "n0", "w0"))
    if not w or not w0:
        return "无法计算" in answer
    rates = percent(n, w) in answer and percent(n0, w0) in answer
    return rates and points(n, w, n0, w0) in answer and _direction_ok(n / w, n0 / w0, answer)


def _by_growth(gold_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ranked = [
        {"key": r["key"], "n": (r["n"] - r["w"]) / r["w"], "rate": percent(abs(r["n"] - r["w"]), r["w"])}
        for r in gold_rows
        if r["w"]
    ]
    return sorted(ranked, key=lambda r: -r["n"])


def _in_rate_order(gold_rows: list[dict[str, Any]], answer: str) -> bool:
    """The groups with records appear in the answer highest rate first (ties in either order)."""
    shown = [r for r in gold_rows if r["w"]]
    if not all(_norm(r["key"]) in answer for r in shown):
        return False
    by_place = sorted(shown, key=lambda r: answer.index(_norm(r["key"])))
    rates = [r["n"] / r["w"] for r in by_place]
    return all(a >= b for a, b in pairwise(rates))


def _ranked(compare: str, gold_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold groups with a whole, their ``n`` replaced by the share so ``top`` ranking applies."""
    sign = -1 if compare == "bottom_share" else 1  # lowest first: rank by the negated share
    return [
        {"key": r["key"], "n": sign * r["n"] / r["w"], "w": r["w"], "part": r["n"]}
        for r in gold_rows
        if r["w"]
    ]


def _own_city(gold_rows: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    by_key = {r["key"]: r for r in gold_rows}
    return by_key["本镇"], by_key["全市"]


def _higher_said(gold_rows: list[dict[str, Any]], answer: str) -> bool:
    a, b = gold_rows[:2]
    ra, rb = a["n"] / a["w"], b["n"] / b["w"]
    if ra == rb:
        return any(w in answer for w in ("持平", "相同", "一样"))
    hi, lo = (_norm(a["key"]), _norm(b["key"])) if ra > rb else (_norm(b["key"]), _norm(a["key"]))
    return any(hi + w in answer for w in ("更高", "较高", "高于")) or any(
        lo + w in answer for w in ("更低", "较低", "低于")
    )


def median_of(gold_rows: list[dict[str, Any]]) -> float:
    """The middle value of every member's number (the mean of the two middle ones for an even count)."""
    values = sorted(float(r["n"] or 0) for r in gold_rows)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _largest(gold_rows: list[dict[str, Any]]) -> tuple[float, set[str]]:
    top = max(float(r["n"] or 0) for r in gold_rows)
    return top, {_norm(r["key"]) for r in gold_rows if float(r["n"] or 0) == top}


def _median_answer_ok(gold_rows: list[dict[str, Any]], answer: str, with_max: bool) -> bool:
    from evals.chat import _states

    if not gold_rows:
        return "没有" in answer or "无法计算" in answer
    middle = median_of(gold_rows)
    said = _states(_norm(middle), answer) or mean(middle, 1) in answer
    if not with_max:
        return said
    top, holders = _largest(gold_rows)
    return said and _states(_norm(top), answer) and any(k in answer for k in holders)


def derived_execution_ok(
    compare: str,
    gold_rows: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    top: int = 1,
    with_max: bool = False,
) -> bool:
    if compare == "median":
        if not gold_rows:
            return not _numbers(rows) - {"0"}
        want = {_norm(median_of(gold_rows))} | ({_norm(_largest(gold_rows)[0])} if with_max else set())
        return 0 < len(rows) <= 2 and want <= _numbers(rows)
    if compare in ("top_share", "bottom_share"):
        from evals.chat import top_ok

        return top_ok(_ranked(compare, gold_rows), rows, top)
    if compare == "top_growth":
        from evals.chat import top_ok

        return top_ok(_by_growth(gold_rows), rows, top)
    if compare == "missing":  # nothing counted: the data is not held
        return not _numbers(rows) - {"0"}
    if compare == "own_vs_city":
        own, city = _own_city(gold_rows)
        got = _numbers(rows)
        return (
            0 < len(rows) <= 2
            and {_norm(own["n"]), _norm(own["w"])} <= got
            and not ({_norm(city["n"]), _norm(city["w"])} <= got)
        )
    if compare == "rate_change":  # the four counts behind the two rates
        want = {_norm(gold_rows[0][k]) for k in ("n", "w", "n0", "w0")} if gold_rows else set()
        return 0 < len(rows) <= 2 and want <= _numbers(rows)
    if compare == "clarify":  # asked back: nothing counted yet
        return not _numbers(rows) - {"0"}
    # pair_rate: the two places' (key, n) pairs, as grouped_share (its rule above; round 7: it fell
    # through to versus_ok, which looks for the town names among numbers and so never passed)
    if compare in ("grouped_share", "grouped_growth", "grouped_average", "pair_rate", "ranked_share"):
        from evals.chat import grouped_ok  # the per-town pairs are scored as ``grouped``

        return grouped_ok([{"key": r["key"], "n": r["n"]} for r in gold_rows], rows)
    return versus_ok([r["key"] for r in gold_rows], rows)


def _direction_ok(this: float, last: float, answer: str) -> bool:
    words = UP_WORDS if this > last else DOWN_WORDS if this < last else SAME_WORDS
    return any(w in answer for w in words)


def derived_answer_ok(
    compare: str, gold_rows: list[dict[str, Any]], answer: str, top: int = 1, with_max: bool = False
) -> bool:
    if compare == "median":
        return _median_answer_ok(gold_rows, answer, with_max)
    if compare in ("top_share", "bottom_share"):
        from evals.chat import top_bounds

        ranked = _ranked(compare, gold_rows)
        must, may, needed = top_bounds(ranked, top)
        said = {
            _norm(r["key"])
            for r in ranked
            if _norm(r["key"]) in answer and percent(r["part"], r["w"]) in answer
        }
        return bool(ranked) and must <= said and len(said & may) >= needed
    if compare == "top_growth":
        from evals.chat import top_bounds

        ranked = _by_growth(gold_rows)
        must, may, needed = top_bounds(ranked, top)
        said = {_norm(r["key"]) for r in ranked if _norm(r["key"]) in answer and r["rate"] in answer}
        return bool(ranked) and must <= said and len(said & may) >= needed
    if compare == "missing":
        item = _norm(gold_rows[0]["key"]) if gold_rows else ""
        return bool(item) and item in answer and any(w in answer for w in NOT_HELD_WORDS)
    if compare == "ranked_share":
        return derived_answer_ok("grouped_share", gold_rows, answer) and _in_rate_order(gold_rows, answer)
    if compare == "pair_rate":
        shown = [r for r in gold_rows if r["w"]]
        both = len(shown) == 2 and all(
            _norm(r["key"]) in answer and percent(r["n"], r["w"]) in answer for r in shown
        )
        return both and _higher_said(shown, answer)
    if compare == "own_vs_city":
        own, city = _own_city(gold_rows)
        if not own["w"]:
            return "无法计算" in answer
        mine, theirs = mean(own["n"], own["w"]), mean(city["n"], city["w"])
        hidden = mine == theirs or theirs not in answer
        return mine in answer and hidden and any(w in answer for w in SCOPE_WORDS)
    if compare == "grouped_share":
        shown = [r for r in gold_rows if r["n"] and r["w"]]
        return all(_norm(r["key"]) in answer and percent(r["n"], r["w"]) in answer for r in shown)
    if compare == "grouped_growth":
        named = all(_norm(r["key"]) in answer for r in gold_rows if r["n"] or r["w"])
        return named and all(percent(abs(r["n"] - r["w"]), r["w"]) in answer for r in gold_rows if r["w"])
    if compare == "grouped_average":
        return all(_norm(r["key"]) in answer and mean(r["n"], r["w"]) in answer for r in gold_rows if r["w"])
    if compare == "rate_change":
        return bool(gold_rows) and _rate_change_ok(gold_rows[0], answer)
    if compare == "clarify":
        return "哪" in answer and any(w in answer for w in ASK_BACK_WORDS)
    first, second = (float(r["key"]) for r in gold_rows[:2])
    if not all(_norm(g["key"]) in answer for g in gold_rows[:2]):
        return False
    if compare == "whole_part":
        return True
    if compare == "average":
        return "无法计算" in answer if second == 0 else mean(first, second) in answer
    if compare == "share":
        return "无法计算" in answer if second == 0 else percent(first, second) in answer
    if compare == "difference":
        return _norm(abs(first - second)) in answer and _direction_ok(first, second, answer)
    if second == 0:  # growth from nothing has no rate
        return "无法计算" in answer
    return percent(abs(first - second), second) in answer and _direction_ok(first, second, answer)
