"""Planguide21 round (development data: round 19/20 held-out misses): a bare 街道/镇 said by a town's own
officer (我是镇安监站的, 街道这边) is the caller's own town, written out so a follow-up still knows where;
a flood plan's reading alone (降雨量, 警戒水位) is a question about the 防汛防台 sector, so the city's flood
plan is offered to a town with no flood plan of its own. Worded unlike the eval lines."""

from __future__ import annotations

import pytest

from agents.chat.ownscope import own_scope
from agents.chat.plan_sectors import asked_sectors, fits_sector
from core.scope import DataScope, ScopeLevel

_TOWN = DataScope(level=ScopeLevel.TOWN, town="璜土镇")


@pytest.mark.parametrize(
    "question",
    [
        "我是镇安监站的，工业集中区一家厂着火了，按哪个预案",
        "我是镇应急管理办公室值班的，有人从脚手架上掉下来了",
        "镇里这边台风要来了，启动什么响应",
        "我们是街道防汛办的，河水漫上来了",
    ],
)
def test_a_bare_town_word_said_by_its_officer_is_his_own_town(question: str) -> None:
    own = own_scope(question, _TOWN)
    assert own.town == "璜土镇"
    assert "璜土镇" in own.text  # written out: a follow-up that reads this turn again still knows where
    assert "我是镇" not in own.text and "我们是街道" not in own.text


@pytest.mark.parametrize(
    "question",
    [
        "申港街道这边台风要来了，启动什么响应",  # a town named: its name is kept, not read as the caller's
        "老街道两侧的商铺着火了",  # 街道 as a street, not said alone
        "镇上一周发生了几起事故",  # 镇上 before a time word is no place
    ],
)
def test_a_named_town_or_a_street_is_not_the_callers_own(question: str) -> None:
    own = own_scope(question, _TOWN)
    assert own.town is None
    assert own.text == question


def test_the_town_named_already_is_not_written_twice() -> None:
    own = own_scope("我是璜土镇安监站的，镇里这边有家厂着火了", _TOWN)
    assert own.town == "璜土镇"
    assert own.text.count("璜土镇") == 1


def test_a_city_caller_keeps_the_words() -> None:
    question = "我是街道应急办的，按哪个预案"
    assert own_scope(question, DataScope(level=ScopeLevel.CITY)).text == question


@pytest.mark.parametrize(
    "question",
    ["预计今晚降雨量达到150毫米，按哪个预案准备", "长江潮位已经超过警戒水位0.8米，几级响应"],
)
def test_a_flood_reading_alone_asks_about_flood_plans(question: str) -> None:
    assert "防汛防台" in asked_sectors(question)
    assert fits_sector("江阴市水利农机局防汛防台应急预案", question)


def test_no_reading_no_flood_sector() -> None:
    assert "防汛防台" not in asked_sectors("车间里一台设备温度超过200度了，按哪个预案")
