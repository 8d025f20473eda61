"""Planguide22 round (development data: round 20/21 held-out misses): a caller who says he is on duty
asks a plan's report line, not the roster; where people are taken (安置点, 疏散到哪里) and who speaks to
the press (新闻发布, 舆情) asked of an accident or a flood are the plan's lines, aimed and quoted; a town
with no plan of its own for the matter is told so. Worded unlike the eval lines."""

from __future__ import annotations

import pytest

from agents.chat import plan_town_missing
from agents.chat.models import TurnState
from agents.chat.plan_aspects import aspect
from agents.chat.plan_followup import restate
from agents.chat.plan_passages import quote, wants_quote
from agents.chat.router import route
from agents.chat.slots import Slots


class _NoPlaces:
    def find(self, text: str) -> list[tuple[str, str]]:
        return []


def _route(question: str) -> str | None:
    return route(question, Slots()).intent


@pytest.mark.parametrize(
    "question",
    [
        "我是镇防汛办公室值夜班的，村里报了一处堤坝渗水，镇里多久要报到市里",
        "我是开发区安监局值班的，企业报上来储罐冒烟了，报告的内容要包括哪些",
        "我是街道应急办值班的，辖区发生了一起车祸，按哪个预案",
    ],
)
def test_a_caller_on_duty_asks_the_plan_not_the_roster(question: str) -> None:
    assert _route(question) == "plan_for"


@pytest.mark.parametrize(
    "question", ["我是今天值班的，澄江街道现在谁在岗", "今晚谁值班", "我是值班员，明天白班是谁"]
)
def test_the_roster_asked_stays_the_roster(question: str) -> None:
    assert _route(question) == "duty_now"


@pytest.mark.parametrize(
    "question",
    [
        "台风要来了，沿江危房里的老人要撤出来，避难场所是哪几个",
        "化工厂着火了，下风向的居民疏散到什么地方",
        "河堤塌了一段，受灾群众往哪儿安置",
    ],
)
def test_where_people_go_in_an_accident_is_the_plans_line(question: str) -> None:
    assert _route(question) == "plan_for"
    assert aspect(question) == "shelter"


@pytest.mark.parametrize(
    "question", ["离周庄最近的避难场所", "附近有没有安置点", "申港街道有哪些应急避难场所"]
)
def test_a_shelter_search_without_an_accident_stays_a_search(question: str) -> None:
    assert _route(question) != "plan_for"


@pytest.mark.parametrize(
    "question",
    ["码头油罐爆炸了，记者在门口等着，对外统一发布消息的是哪个组", "燃气爆炸以后舆情应对谁来管"],
)
def test_who_speaks_to_the_press_is_the_plans_group(question: str) -> None:
    assert _route(question) == "plan_for"
    assert aspect(question) == "release"


def test_the_last_clause_decides_the_aspect_of_a_restated_followup() -> None:
    assert aspect("暴雨圩堤管涌，安置点在哪，那一级响应谁负责，先做什么") == "steps"


def test_a_followup_asking_where_people_go_keeps_the_accident() -> None:
    previous = TurnState(intent="plan_for", question="申港一家厂氨气泄漏，按哪个预案")
    restated = restate("居民往哪里撤？", previous, _NoPlaces())  # type: ignore[arg-type]
    assert restated is not None and restated.startswith("申港一家厂氨气泄漏")


def _passage(text: str, section: str = "") -> dict[str, str]:
    return {"plan_id": "p1", "title": "某镇防汛防台应急预案", "section": section, "text": text}


def test_the_shelter_quote_starts_at_the_sentence_naming_the_places() -> None:
    question = "洪水漫进村了，群众转移到哪里去"
    assert wants_quote(question, {}, [])
    body = "镇应急救援队共20人，由镇安监办管理。镇应急物资仓库储备编织袋3000只。东山小学、镇文化站作为应急避难场所，由社会事业局管理。"
    line = quote(
        [_passage("总则部分的文字，与转移无关的编制目的说明。"), _passage(body, "五、应急保障")], question
    )
    assert "东山小学、镇文化站作为应急避难场所" in line
    assert "编织袋" not in line


def test_the_release_quote_starts_at_the_group_that_holds_the_duty() -> None:
    question = "危化品仓库爆炸了，新闻发布由谁负责"
    rows = "工作组|牵头单位|职责 抢险组|消防站|负责灭火和搜救。医疗组|卫生院|负责伤员救治。宣传组|党政办|负责新闻发布和舆情引导。"
    line = quote([_passage(rows, "工作组")], question)
    assert "宣传组|党政办|负责新闻发布" in line


def test_a_town_without_its_own_plan_is_told_so() -> None:
    rows = [{"title": "市水利局防汛预案", "asked_town": "南闸街道"}]
    assert "南闸街道" in plan_town_missing.note(rows, [2])[0]
    assert plan_town_missing.note(rows, [1, 2]) == []  # the town's own plan is listed
    assert plan_town_missing.note([{"title": "市水利局防汛预案"}], [2]) == []  # no town asked


def test_a_step_moving_people_to_the_shelter_is_not_the_line_naming_it() -> None:
    question = "堤坝决口了，村民撤离到哪里"
    step = _passage("一级响应：全体队员上岗；转移组把危房户先转移到安置点；封堵缺口。", "一级响应")
    named = _passage(
        "六、物资和场所：编织袋500只。人往哪躲：河西村村委会；镇中心小学礼堂。", "六、物资和场所"
    )
    line = quote([step, named], question)
    assert "河西村村委会" in line and "转移组" not in line


@pytest.mark.parametrize(
    "question",
    [
        "我是仓储公司的夜班值班主管，库房里的桶漏了，按哪个预案，谁来指挥",
        "我是镇安监办值班的，一家厂的污水池那边出了事，企业多久要报给我们",
    ],
)
def test_a_shift_post_or_an_unnamed_mishap_with_a_report_asked_is_the_plan(question: str) -> None:
    assert _route(question) == "plan_for"


def test_a_report_limit_asked_of_an_unnamed_works_is_a_plan_question() -> None:
    from agents.chat.router import asks_plan_prose

    # the service then does not look the unnamed works up as an enterprise of the city
    assert asks_plan_prose("开发区一家化工厂罐区漏了，镇里接报后几分钟内要报市里")
