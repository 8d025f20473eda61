"""General chat rules from round 37 (heldout63 and the dev leftovers): pinyin initials of duty terms
(zdyh, whp, dhzy) read as the terms; a bare "有多少个重大危险源" counts the sources while 各/每/分别/分级
keep the per-level table; "排前N" cuts a per-town ranking; firms renting others' premises are the
tenants; "前N个" alone after a ranking restates that ranking with the new cut. Sentences are not the
eval lines."""

from __future__ import annotations

import pytest

from agents.chat.models import TurnState
from agents.chat.places import with_villages
from agents.chat.ranking_cut import restate
from agents.chat.router import route
from agents.chat.shorthand import expand_shorthand
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.top_groups import top_limit
from agents.chat.villages import narrow

TOWNS = with_villages(Gazetteer.from_towns(["新桥镇", "顾山镇", "申港街道", "临港经济开发区"]), [])


def _route(question: str) -> tuple[str, str | None]:
    text = expand_shorthand(normalise_question(question))
    slots = narrow(text, extract_slots(text, TOWNS), TOWNS)
    return text, route(text, slots).intent


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("顾山zdyh还有几条", "顾山重大隐患还有几条"),
        ("申港whp仓库有哪些", "申港危化品仓库有哪些"),
        ("今天DHZY有几个", "今天动火作业有几个"),
        ("新桥 czc 出租方名单", "新桥厂中厂出租方名单"),
        ("WH危化企业有几家", "危化企业有几家"),  # the initials before the term itself add nothing
    ],
)
def test_pinyin_initials_read_as_the_duty_terms(question: str, written: str) -> None:
    assert expand_shorthand(normalise_question(question)) == written


def test_an_ascii_word_outside_the_table_stays() -> None:
    assert "abc" in expand_shorthand(normalise_question("abc隐患有几条"))


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("申港总共有几处重大危险源", "hazard_source_list"),
        ("全市重大危险源一共有多少处", "hazard_source_list"),
        ("新桥镇的重大危险源每个级别有几处", "hazard_source_count_by_level"),
        ("顾山重大危险源分级统计一下", "hazard_source_count_by_level"),
        ("临港的重大危险源几级的分别有几处", "hazard_source_count_by_level"),
    ],
)
def test_a_bare_source_count_is_the_sources_counted_not_the_level_table(question: str, intent: str) -> None:
    assert _route(question)[1] == intent


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("各镇街逾期隐患排前三", 3),
        ("各镇报警次数排名前十", 10),
        ("企业数量排在前4的镇", 4),
        ("各镇隐患排前三天的", None),
    ],
)
def test_a_per_town_ranking_cut_said_as_pai_qian_n(question: str, limit: int | None) -> None:
    assert top_limit(question).get("limit") == limit


@pytest.mark.parametrize(
    "question",
    ["新桥镇租人家厂房的企业有多少家", "顾山有几家公司是租用他人厂房的"],
)
def test_firms_renting_others_premises_are_the_tenants_counted(question: str) -> None:
    assert _route(question)[1] == "lease_tenant_count"


def test_firms_renting_others_premises_listed() -> None:
    assert _route("新桥镇哪些企业租的是别人家的厂房")[1] == "lease_tenants"


def _after(question: str) -> TurnState:
    return TurnState(question=question, intent="hazard_list")


@pytest.mark.parametrize(
    ("earlier", "said", "restated"),
    [
        ("哪些企业今年罚款最多", "给我看前5家", "哪些企业今年罚款最多，前5家"),
        ("新桥镇隐患最多的前三家企业", "那前十个呢", "新桥镇隐患最多的企业，前十个"),
        ("各镇逾期隐患排前三", "前八", "各镇逾期隐患，前八个"),
    ],
)
def test_a_bare_cut_after_a_ranking_restates_it(earlier: str, said: str, restated: str) -> None:
    assert restate(said, _after(earlier)) == restated


@pytest.mark.parametrize(
    ("earlier", "said"),
    [
        ("新桥镇有哪些隐患没整改", "前十个"),  # no ranking before: nothing to cut
        ("哪些企业今年罚款最多", "前三家企业的隐患呢"),  # more than a cut: a new question
    ],
)
def test_no_restating_without_a_ranking_or_with_more_said(earlier: str, said: str) -> None:
    assert restate(said, _after(earlier)) is None


def test_no_restating_without_an_earlier_turn() -> None:
    assert restate("前十个", None) is None
