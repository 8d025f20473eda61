"""Grounding a question before the model sees it: who "本镇" is, and which stored values it names.

Small models guess both. A town officer's "本镇有几条重大隐患" made the 1.5B write some other town's
name (the injected scope then left nothing to find), and "哪些企业储存了液氨" made it look for a
hazard source called 液氨. Here the self-references are replaced by the principal's own town or
enterprise, and every stored value of a free-text property (``graph.cypher_catalog.VALUE_HINT_FIELDS``)
that the question contains is handed to the prompt with the label and property it lives in.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime

from agents.nlp.numerals import chinese_to_int
from agents.nlp.timeexpr import CST, parse_time_range
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.cypher_catalog import ENTERPRISE_NAME, VALUE_HINT_FIELDS, value_samples_query
from graph.cypher_guard import CypherRejectedError
from graph.cypher_tokens import TokenKind, tokenize

# 本镇 / 我们镇 / 本街道 / 我街道 / 本辖区 / 辖区内 … (a town officer speaking of their own town)
_OWN_TOWN = re.compile(r"(?:本|我们|我|咱们|咱)(?:镇街|镇|街道|园区|开发区|辖区|乡镇)|本辖区|辖区内|辖区")
# 本企业 / 我们公司 / 本厂 … (an enterprise user speaking of their own enterprise)
_OWN_ENTERPRISE = re.compile(r"(?:本|我们|我|咱们|咱)(?:企业|公司|单位|厂|工厂)")
_CACHE_SECONDS = 300.0
# 5万元 / 1.5万 / 三万 / 2千 (amounts the model must compare as plain numbers: 5万 → 50000)
_MYRIAD = re.compile(
    r"(?<![点.\d一二两三四五六七八九十百])(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)(万|千)"
)
# 三条以上 / 十家 / 五次: counts in words → digits (never 一级/二级: those are level names)
_COUNT = re.compile(r"[一二两三四五六七八九十百]+(?=[家条个次人名位起吨台辆处座])")


@dataclass(frozen=True)
class ValueHint:
    label: str
    prop: str
    value: str
    is_list: bool

    def render(self) -> str:
        if self.is_list:
            return f"'{self.value}' IN x.{self.prop}（x:{self.label}）"
        return f"{self.label}.{self.prop} = '{self.value}'"


def resolve_self_reference(question: str, scope: DataScope, enterprise_name: str | None = None) -> str:
    """Replace "本镇/本街道/辖区" (and "本企业/我们公司") by the principal's own town or enterprise."""
    if scope.level is ScopeLevel.TOWN and scope.town:
        return _OWN_TOWN.sub(scope.town, question)
    if scope.level is ScopeLevel.ENTERPRISE and enterprise_name:
        return _OWN_ENTERPRISE.sub(enterprise_name, question)
    return question


def normalise_quantities(question: str) -> str:
    """Write amounts and counts as digits: "罚款超过5万元" → "罚款超过50000元", "三条以上" → "3条以上"."""

    def myriad(m: re.Match[str]) -> str:
        head = m.group(1)
        number = float(head) if head[0].isdigit() else chinese_to_int(head)
        if number is None:
            return m.group()
        value = number * (10000 if m.group(2) == "万" else 1000)
        return str(int(value)) if float(value).is_integer() else str(value)

    def count(m: re.Match[str]) -> str:
        if m.group() == "一":  # 同一次 / 每一家 / 一家 read as words, not counts
            return m.group()
        value = chinese_to_int(m.group())
        return m.group() if value is None else str(value)

    return _COUNT.sub(count, _MYRIAD.sub(myriad, question))


def enterprise_name(scope: DataScope, store: GraphStore) -> str | None:
    if scope.level is not ScopeLevel.ENTERPRISE:
        return None
    rows = store.read(ENTERPRISE_NAME, {"scope_enterprise": scope.enterprise_id})
    return str(rows[0]["name"]) if rows and rows[0].get("name") else None


def find_value_hints(question: str, values: dict[tuple[str, str, bool], list[str]]) -> list[ValueHint]:
    """Stored values the question contains; a value inside a longer matched value is dropped."""
    found = [
        ValueHint(label, prop, value, is_list)
        for (label, prop, is_list), options in values.items()
        for value in options
        if len(value) >= 2 and value in question
    ]
    longest = {h.value for h in found}
    kept = [h for h in found if not any(h.value != o and h.value in o for o in longest)]
    return sorted(kept, key=lambda h: question.index(h.value))[:8]


class ValueCatalogue:
    """Distinct values of the hint fields, read from the graph and kept for a few minutes."""

    def __init__(self, ttl_seconds: float = _CACHE_SECONDS) -> None:
        self._ttl = ttl_seconds
        self._cache: dict[int, tuple[float, dict[tuple[str, str, bool], list[str]]]] = {}

    def values(self, store: GraphStore) -> dict[tuple[str, str, bool], list[str]]:
        now = time.monotonic()
        hit = self._cache.get(id(store))
        if hit is not None and now - hit[0] < self._ttl:
            return hit[1]
        out: dict[tuple[str, str, bool], list[str]] = {}
        for field in VALUE_HINT_FIELDS:
            rows = store.read(value_samples_query(*field))
            out[field] = [str(row["v"]) for row in rows if row.get("v") not in (None, "")]
        self._cache[id(store)] = (now, out)
        return out


VALUES = ValueCatalogue()


# What shape of answer the question asks for, read off its wording (first match wins).
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"多多少|少多少|相差多少|差多少|差几"),
        "两个数量之差，一行：sum(CASE WHEN … THEN 1 ELSE 0 END) - sum(CASE WHEN … THEN 1 ELSE 0 END) AS key",
    ),
    (
        re.compile(r"前\s*(\d+|[二两三四五六七八九十]+)\s*(名|家|个|位|条|大)?"),
        "排序后取前 N 个：ORDER BY … DESC LIMIT N",
    ),
    (
        re.compile(r"(最|更)(多|高|大|少|低|小|长|短|早|晚|严重)(?!库存|限|值|温|的?标准)"),
        "排序后只取第一：ORDER BY … DESC（或 ASC）LIMIT 1，key 为名称",
    ),
    (
        re.compile(r"各|每个|每家|每一|分别|按.{1,6}(统计|分|排)"),
        "分组统计：RETURN 分组字段 AS key, count(…) AS n",
    ),
    (
        re.compile(r"多少|几[个家条位名次起处人支座所台辆种类项件批]|数量|总数|总共|一共|合计"),
        "一个数：RETURN count(…) AS key（金额、人数用 sum(…)）",
    ),
)


def answer_shape(question: str) -> str | None:
    """The answer form the wording asks for, as a note for the prompt (None for plain lists)."""
    for pattern, note in _SHAPES:
        if pattern.search(question):
            return "答案形式：" + note
    return None


def ungrounded_literals(query: str, sources: str) -> list[str]:
    """String literals of ``query`` that nothing in ``sources`` (question, context, notes) mentions.

    A small model copies conditions from the few-shot examples ("… AND e.responsibility_class =
    'A'" for a question that never said A类): valid Cypher, silently wrong rows. A literal counts
    as mentioned when it, or any two characters of it in a row, occur in the sources (临港 for
    临港经济开发区, 化工 for 一般化工), which keeps abbreviations and vocabulary mapping legal.
    """
    out: list[str] = []
    for tok in tokenize(query):
        if tok.kind is not TokenKind.STRING:
            continue
        value = tok.text[1:-1].strip()
        if not value or value in sources:
            continue
        if len(value) >= 2 and any(value[i : i + 2] in sources for i in range(len(value) - 1)):
            continue
        out.append(value)
    return out


def check_literals_grounded(query: str, sources: str) -> None:
    """Refuse (once, so that the model gets to drop them) conditions the question never stated."""
    loose = ungrounded_literals(query, sources)
    if loose:
        said = "、".join(f"'{v}'" for v in loose)
        raise CypherRejectedError(f"条件 {said} 在问题里没有提到；问题里没有的条件不要加", query=query)


# "近30天 / 最近一周 / 过去24小时": rolling windows the prompt's rule already writes from $now_ms.
_ROLLING = re.compile(
    r"(近|最近|过去|这)\s*[\d一二两三四五六七八九十半几]+\s*(个)?(天|日|周|星期|礼拜|月|年|小时)"
)


def time_note(question: str, now_ms: int) -> str | None:
    """Calendar time words (去年, 上个月, 本周, 昨天下午, 2024年3月) as millisecond bounds.

    A small model cannot turn 上个月 into epoch milliseconds; the Chinese time grammar can.
    """
    if _ROLLING.search(question):
        return None
    found = parse_time_range(question, datetime.fromtimestamp(now_ms / 1000, tz=CST))
    if found is None:
        return None
    start, end = int(found.start.timestamp() * 1000), int(found.end.timestamp() * 1000)
    return (
        f"时间“{found.text}”：毫秒时间属性 >= {start} AND < {end}"
        "（写在问题所指的 *_at 时间属性上；year 这类整数年份属性直接写年份）"
    )
