"""Derived figures, round 6 (ADR 0018): 百分之几 after a comparison is a growth rate, 环比 with no
period said is this month against last, and 人均 counts of rare records are also given per 1,000
employees. Sentences here are not in the eval set (t2c2624, stats_holdout6); the figures are checked
against counts the ordinary templates give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

from agents.chat.derived_default_period import this_month_by_default
from agents.chat.derived_groups import grouped
from agents.chat.slots import Gazetteer
from agents.chat.timewords import CST
from agents.chat.versus import value
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="c", scope=DataScope())
QINGYANG = Principal(user_id="q", scope=DataScope(level=ScopeLevel.TOWN, town="青阳镇"))
GZ = Gazetteer.from_towns(["顾山镇", "青阳镇", "利港街道", "月城镇", "璜土镇", "澄江街道"])


# ---- reading the question (pure) -----------------------------------------------------------------


def test_percent_after_a_comparison_is_the_change_not_a_share() -> None:
    fell = grouped("各镇街这个月的罚款总额和上月相比降了百分之多少", GZ)
    assert fell is not None and (fell.mode, fell.kind, fell.group) == ("growth", "罚款金额", "town")
    rose = grouped("各类企业本月新发现隐患比上个月增加了百分之几", GZ)
    assert rose is not None and (rose.mode, rose.kind, rose.group) == ("growth", "隐患", "category")
    ratio = grouped("各类告警本月同比增长比例是多少", GZ)
    assert ratio is not None and ratio.mode == "growth"
    share = grouped("各类企业的隐患占全部隐患的百分之几", GZ)  # 占: still a share
    assert share is not None and share.mode == "share"


def test_a_bare_huanbi_reads_this_month_and_nothing_else_does() -> None:
    assert this_month_by_default("隐患销号率环比怎么样", NOW_MS, None) == "本月隐患销号率环比怎么样"
    assert this_month_by_default("上周告警环比增长多少", NOW_MS, None) is None  # its own period
    assert this_month_by_default("隐患同比增长了多少", NOW_MS, None) is None  # 同比: still asked back
    assert this_month_by_default("各镇告警数", NOW_MS, None) is None


# ---- answered through the pipeline ---------------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="derived6-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path in ("template", "aggregate", "compound"), (question, got.path, got.answer)
    return float(value(got, question))


def test_a_fine_change_in_percent_per_town_is_growth(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各镇街这个月的罚款总额和上月相比降了百分之多少", CITY)
    assert got.path == "derived" and "上期" in got.answer, got.answer
    assert sum(r["n"] for r in got.rows) == _count(service, "本月罚款总额是多少")
    assert sum(r["before"] for r in got.rows) == _count(service, "上个月罚款总额是多少")


def test_a_bare_rate_huanbi_compares_this_month_with_last(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("隐患销号率环比怎么样", CITY)
    assert got.path == "derived" and "本月截至目前与上月" in got.answer, got.answer
    (row,) = got.rows
    assert row["w"] == _count(service, "本月发现的隐患有多少条")
    assert row["w0"] == _count(service, "上个月发现的隐患有多少条")


def test_a_bare_count_huanbi_compares_this_month_with_last(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("青阳镇的告警环比增长了多少", CITY)
    assert got.path == "derived" and "本月截至目前与上月" in got.answer, got.answer
    numbers = {r["n"] for r in got.rows}
    assert _count(service, "青阳镇本月有多少条告警") in numbers
    assert _count(service, "青阳镇上个月有多少条告警") in numbers


def test_a_bare_tongbi_is_still_asked_back(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("执法检查同比增加了多少", CITY)
    assert got.path == "clarify" and "哪" in got.answer


def test_per_head_counts_are_also_per_thousand_employees(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("本镇各行业每名员工平均有几个传感器", QINGYANG)
    assert got.path == "derived", got.answer
    for r in got.rows:
        if r["members"]:
            k = (Decimal(str(r["n"])) * 1000 / Decimal(str(r["members"]))).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
            assert f"{r['group']}：" in got.answer and f"每千名职工 {k} 个" in got.answer
    means = [float(r["n"]) / float(r["members"]) for r in got.rows if r["members"]]
    assert means == sorted(means, reverse=True)  # ranked by the exact figure, not the rounded one
    fines = service.ask("各街道企业职工人均被罚款多少元", CITY)
    assert fines.path == "derived" and "每千名职工" not in fines.answer  # money per head stays in 元


# ---- the round's scoring kinds -------------------------------------------------------------------


def test_top_share_wants_the_first_groups_with_their_percents() -> None:
    from evals.chat_derived import derived_answer_ok, derived_execution_ok

    gold = [{"key": "甲", "n": 5, "w": 20}, {"key": "乙", "n": 10, "w": 20}, {"key": "丙", "n": 1, "w": 20}]
    assert derived_answer_ok("top_share", gold, "乙：10/20，50.0%；甲：5/20，25.0%", top=2)
    assert not derived_answer_ok("top_share", gold, "乙：50.0%；丙：5.0%", top=2)
    assert derived_execution_ok("top_share", gold, [{"group": "乙", "n": 10}, {"group": "甲", "n": 5}], top=2)
    rates = [{"key": "甲", "n": 9, "w": 10}, {"key": "乙", "n": 1, "w": 4}]  # 乙 lowest: 25.0%
    assert derived_answer_ok("bottom_share", rates, "处置率最低：乙，1/4，25.0%", top=1)
    assert not derived_answer_ok("bottom_share", rates, "甲 90.0%", top=1)


def test_pair_rate_and_own_vs_city_scorers() -> None:
    from evals.chat_derived import derived_answer_ok, derived_execution_ok

    pair = [{"key": "甲镇", "n": 3, "w": 4}, {"key": "乙镇", "n": 1, "w": 2}]
    assert derived_answer_ok("pair_rate", pair, "甲镇 75.0%，乙镇 50.0%，甲镇更高")
    assert not derived_answer_ok("pair_rate", pair, "甲镇 75.0%，乙镇 50.0%，乙镇更高")
    own = [{"key": "本镇", "n": 21, "w": 44}, {"key": "全市", "n": 544, "w": 1000}]
    said = "本镇 21 ÷ 44 ≈ 0.48 条；全市的数据超出您的数据范围，无法比较。"
    assert derived_answer_ok("own_vs_city", own, said)
    assert not derived_answer_ok("own_vs_city", own, said + "全市平均 0.54 条")
    assert derived_execution_ok("own_vs_city", own, [{"item": "隐患", "n": 21}, {"item": "企业", "n": 44}])
    assert not derived_execution_ok("own_vs_city", own, [{"n": 21, "w": 44}, {"n": 544, "w": 1000}])
