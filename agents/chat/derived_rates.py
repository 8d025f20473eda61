"""Derived figures, round 2 (ADR 0018): completion rates, averages, and a change with no period said.

* A rate whose part is the closed records (隐患整改率 / 整改完成率 / 销号率, 告警处置率, 传感器在线率)
  is a share whose part the caller did not spell out: the hazards found in the period now 已整改 or
  已验收 over all hazards found in it; the alarms of the period now 已处置 over all of them; the
  online sensors over all sensors. One template status holds one state, so a part made of two
  states is two counts added.
* An average (平均每家企业几条隐患, 平均每起处罚罚多少钱, 每个镇平均多少家企业) is a total over a count
  of the members asked about, every member counted, also those with nothing.
* "告警比以前多了吗", "隐患同比增长了多少" name no period: guessing one would answer a question that
  was not asked, so the caller is asked back which periods.

Each count is asked through the usual pipeline (``ask``), in the caller's scope, as the first round's
figures are; the step answers only when every count comes from a template path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from agents.chat.counted_lists import as_count
from agents.chat.models import ChatAnswer, TurnState
from agents.chat.versus import Answer, value
from core.scope import Principal

_COUNTED_PATHS = ("template", "llm_template", "compound", "aggregate")


@dataclass(frozen=True)
class Rate:
    word: str  # 整改率, 处置率, 在线率
    parts: tuple[str, ...]  # the part's questions, added
    whole: str
    part_label: str
    whole_label: str
    unit: str


@dataclass(frozen=True)
class Average:
    total: str  # the question counting the total
    count: str  # the question counting the members; "" = the towns (每个镇)
    total_label: str
    count_label: str
    unit: str  # of the total: 条, 次, 元
    member: str  # 家企业, 起处罚, 个镇街


# 整改完成了百分之几 / 处置了几成: the rate said as a share of the records (round 8)
_SHARE_ASKED = r"(?:几成|百分之几|百分之多少|多大比例|多少比例|多大比重|多少比重)"
# rate word → (counted thing, states added for the part, the part's label, unit)
_RATES = (
    (
        r"整改完成率|整改率|销号率|闭环率|(?:整改(?:完成)?|销号|闭环)了?" + _SHARE_ASKED,
        "隐患",
        ("已整改", "已验收"),
        "已整改或已验收",
        "条",
    ),
    (r"处置率|办结率|处置了?" + _SHARE_ASKED, "告警", ("已处置",), "已处置", "条"),
    (r"在线率", "传感器", ("在线",), "在线", "个"),
    (r"离线率|掉线率", "传感器", ("离线",), "离线", "个"),
)
_RATE_TAIL = re.compile(r"(?:是|有|为)?(?:多少|几|怎么样|如何|咋样|高不高|多高)?$")
_FILLER = re.compile(r"^(?:请问|帮我)?(?:查一?下|统计一?下|看一?下|算一?下)?|[，,？?。！!呢吗啊]+$")


def rate(text: str) -> Rate | None:
    """ "今年以来隐患整改率是多少" → 今年以来已整改的隐患 + 今年以来已验收的隐患 over 今年以来隐患."""
    text = _FILLER.sub("", text)
    for word, noun, states, label, unit in _RATES:
        m = re.search(rf"(?:{noun})?(?:的)?(?:{word})", text)
        if m is None or not _RATE_TAIL.fullmatch(text[m.end() :]):
            continue
        before = re.sub(
            rf"(?<!发现)(?<!查出)(?:的)?{noun}(?:的)?$|(?<!发现)(?<!查出)的$", "", text[: m.start()]
        )
        before = before.replace(noun, "")
        if noun == "隐患" and not re.search(
            r"发现|查出|排查", before
        ):  # found in the period, not the open ones
            before += "发现的"
        whole = f"{before}{noun}"
        parts = tuple(f"{before}{s}{noun}" for s in states)
        return Rate(m.group(0), parts, whole, f"{before}{label}的{noun}", whole, unit)
    return None


_AVG = re.compile(
    r"平均(?:每|一)(?:一)?(?P<u>[家个起次条位处名])|每(?:一)?(?P<u2>[家个起次条位处名])(?P<n>[^平]{0,8}?)平均"
)
_MEMBER = re.compile(r"^(?P<q>.{0,8}?)(?P<h>企业|单位|公司|厂子|镇街|镇|街道|行政处罚|处罚|执法检查|检查)")
_FIRMS = ("企业", "单位", "公司", "厂子")
_TIMEWORD = re.compile(
    r"今年以来|今年|本月|这个月|上个?月|去年|本周|上周|近\d+天|最近\d+天|第?[一二三四]季度"
)
_MONEY = re.compile(r"罚了?(?:款)?(?:多少钱|多少元|金额|几元|多少万)|(?:金额|罚款)(?:是|有)?多少")
_VERB_COUNT = re.compile(
    r"^(?:的)?(?:都)?(?:有|装了?|安装了?|配了?|配备了?|被|接受了?|发生了?|发现了?|查出了?)?"
    r"(?:检查)?(?:了)?(?:多少|几)[家条个次起处项名笔]?"
)
_ENDING = re.compile(r"(?:多少|几)[家条个次起处项名笔]?$")


def average(text: str) -> Average | None:
    text = _FILLER.sub("", text)
    m = _AVG.search(text)
    if m is None:
        return None
    pre, rest = text[: m.start()], text[m.end() :]
    if m["u2"]:  # "每个镇平均有多少家企业": the member said between 每 and 平均
        rest = m["n"] + rest[:0] + "|" + rest
    member = _MEMBER.match(rest.replace("|", ""))
    if member is None and (head := re.search(r"(行政处罚|处罚|执法检查|检查|告警|隐患)(?:的)?$", pre)):
        member_q, member_h = "", head.group(1)
        pre, after = pre[: head.start()], rest
    elif member is not None:
        member_q, member_h = member["q"], member["h"]
        after = rest.replace("|", "")[member.end() :]
    else:
        return None
    pre = pre.removesuffix("的")
    place_pre = _TIMEWORD.sub("", pre)
    if member_h in ("镇", "街道", "镇街"):
        counted = _VERB_COUNT.sub("", after.lstrip("平均")).strip("的")
        if not counted:
            return None
        return Average(pre + counted, "", pre + counted, "镇街", _unit(after), "个镇街")
    if _MONEY.search(after):
        q = f"{pre}{member_q}{member_h}"
        return Average(
            q + "罚款金额是多少", q + "有多少起", f"{pre}罚款金额", f"{pre}{member_h}", "元", "起处罚"
        )
    counted = _VERB_COUNT.sub("", after)
    counted = _ENDING.sub("", counted).strip("的") or counted
    if not counted or (
        counted == after and not re.search(r"隐患|传感器|检查|告警|处罚|摄像头|危险源", counted)
    ):
        return None
    firms = member_h in _FIRMS
    members = f"{place_pre if firms else pre}{member_q}{member_h}"  # enterprises have no period
    total = f"{pre}{member_q if member_q and not firms else ''}{counted}"
    if firms and member_q:  # "危化企业被检查了几次": the qualifier stays on the firms counted
        total = f"{pre}{member_q}{member_h}{after}"
    unit = _unit(after)
    return Average(total, members, total, members, unit, ("家" if firms else "起") + member_h)


def _unit(phrase: str) -> str:
    m = re.search(r"(?:多少|几)([家条个次起处项名笔元])", phrase)
    return m.group(1) if m else ""


_NO_PERIOD_CHANGE = re.compile(
    r"比(?:以前|之前|过去|原来|往常|平时|从前)(?:相比)?(?:是)?(?:多|少|增加|减少|增长|下降|上升|高|低)|"
    r"^[^比]*(?:同比|环比)(?:增长|增加|下降|减少|上升|变化|情况|多|少)"
)
_ANY_PERIOD = re.compile(
    r"今年|去年|本月|这个月|上个?月|本周|这周|上周|今天|昨天|季度|半年|\d+月|近\d|最近|以来|同期|年度|元旦|国庆|春节"
)


def asks_which_periods(text: str) -> bool:
    """A change asked with no period at all ("告警比以前多了吗", "隐患同比增长了多少")."""
    return bool(_NO_PERIOD_CHANGE.search(text)) and not _ANY_PERIOD.search(text)


ASK_BACK = (
    "您想比较哪两个时间段？请说明时间，例如“本月告警环比上月增长了多少”、“今年以来隐患同比增长多少”"
    "或“第三季度检查次数比第二季度多了几次”。"
)


def percent(part: float, whole: float) -> str:
    q = Decimal(str(part)) * 100 / Decimal(str(whole))
    return f"{q.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def mean(total: float, count: float) -> str:
    return str((Decimal(str(total)) / Decimal(str(count))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def show(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:.2f}"


Asked = tuple[ChatAnswer, TurnState | None]


def run_rate(ask: Answer, r: Rate, principal: Principal, use_llm: bool) -> Asked | None:
    got = [ask(as_count(q), principal, None, use_llm)[0] for q in (*r.parts, r.whole)]
    if not all(_counted(g) for g in got):
        return None
    *parts, whole = got
    if len({(g.intent, str(g.params)) for g in got}) < len(got):
        return None  # one template for part and whole: it cannot tell them apart
    a = sum(float(value(g, q)) for g, q in zip(parts, r.parts, strict=True))
    b = float(value(whole, r.whole))
    if a > b:
        return None
    added = " + ".join(f"{show(float(value(g, q)))}" for g, q in zip(parts, r.parts, strict=True))
    share = (
        f"{show(a)} ÷ {show(b)} × 100% ≈ {percent(a, b)}" if b else f"{r.whole_label}为 0，无法计算{r.word}"
    )
    body = (
        f"{r.part_label}：{show(a)} {r.unit}" + (f"（{added}）" if len(parts) > 1 else "")
        + f"；{r.whole_label}：{show(b)} {r.unit}。\n{r.word} = {share}。"
    )  # fmt: skip
    rows: list[dict[str, Any]] = [{"item": r.part_label, "n": a}, {"item": r.whole_label, "n": b}]
    return _answer(body, got, rows), None


def run_average(
    ask: Answer, avg: Average, principal: Principal, use_llm: bool, towns: Callable[[ChatAnswer], Any]
) -> Asked | None:
    total_q = as_count(avg.total)
    total = ask(total_q, principal, None, use_llm)[0]
    if avg.count:
        count = ask(as_count(avg.count), principal, None, use_llm)[0]
        b = float(value(count, avg.count)) if _counted(count) else None
    else:  # 每个镇: the towns that have enterprises
        count = ask("各镇街企业分别有多少", principal, None, use_llm)[0]
        per_town = towns(count)
        b = float(sum(1 for n in (per_town or {}).values() if n > 0)) if per_town else None
    same = (total.intent, total.params) == (
        count.intent,
        count.params,
    ) and avg.unit != "元"  # 元: another column
    if not _counted(total) or b is None or same:
        return None
    a = float(value(total, total_q))
    result = f"{show(a)} ÷ {show(b)} ≈ {mean(a, b)}" if b else f"{avg.count_label}为 0，无法计算平均数"
    unit = "元" if avg.unit == "元" else avg.unit
    body = (
        f"{avg.total_label}：{show(a)} {unit}；{avg.count_label}：{show(b)} {avg.member[0]}。\n"
        f"平均每{avg.member} = {result} {unit}。"
    )
    rows = [{"item": avg.total_label, "n": a}, {"item": avg.count_label, "n": b}]
    return _answer(body, [total, count], rows), None


def ask_back() -> Asked:
    return ChatAnswer(answer=ASK_BACK, path="clarify"), None


def _counted(result: ChatAnswer) -> bool:
    return result.path in _COUNTED_PATHS and result.intent is not None


def _answer(body: str, got: list[ChatAnswer], rows: list[dict[str, Any]]) -> ChatAnswer:
    steps = [c.model_copy(update={"title": f"第 {i} 项：{c.title}".rstrip("：")})
             for i, result in enumerate(got, 1) for c in result.citations]  # fmt: skip
    intents = " 与 ".join(dict.fromkeys(str(g.intent) for g in got))
    source = f"\n（各项分别由固定查询 {intents} 统计，再按公式计算）"
    return got[0].model_copy(update={"answer": body + source, "path": "derived", "rows": rows,
                                     "columns": ["item", "n"], "citations": steps,
                                     "query": " ÷ ".join(str(g.intent) for g in got)})  # fmt: skip


__all__ = ["ASK_BACK", "Average", "Rate", "ask_back", "asks_which_periods", "average", "rate", "run_average",
           "run_rate"]  # fmt: skip
