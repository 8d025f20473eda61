"""General chat rules found by round 34's dev misses (heldout60): Jiangyin colloquial words (几化,
哪搭, 啥, 咋回事), "都是什么X" after a count of X, and two towns' duty rosters, each tested on
sentences that are not in the eval set."""

from __future__ import annotations

from typing import Any

from agents.chat.followup import continues
from agents.chat.models import ChatAnswer
from agents.chat.router import route
from agents.chat.shorthand import expand_shorthand
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.town_pair import asker
from agents.chat.wu_dialect import plain_mandarin
from core.scope import DataScope, Principal

TOWNS = Gazetteer.from_towns(["华士镇", "周庄镇", "城东街道", "云亭街道", "新桥镇"])


def _intent(text: str) -> str | None:
    text = expand_shorthand(text)
    return route(text, extract_slots(text, TOWNS)).intent


def test_colloquial_words_are_written_as_plain_mandarin() -> None:
    assert plain_mandarin("城东的重大隐患有几化") == "城东的重大隐患有多少"
    assert plain_mandarin("离云亭最近的医院在哪搭") == "离云亭最近的医院在哪里"
    assert plain_mandarin("城东同云亭哪搭隐患多") == "城东同云亭哪个隐患多"
    assert plain_mandarin("咋搞的，昨天出了啥事") == "昨天出了什么事"
    assert plain_mandarin("有几化工企业") == "有几化工企业"  # the industry word after 几 is left alone


def test_a_colloquial_count_routes_as_a_count() -> None:
    assert _intent("新桥镇化工企业有几化") == "enterprise_count"
    assert _intent("华士镇没整改的隐患有几化") == "hazard_count"


def test_what_they_are_after_a_count_keeps_the_count_s_conditions() -> None:
    listed = _intent("都是什么隐患")
    assert continues("都是什么隐患", "hazard_count", listed, moved=False)
    assert continues("分别是哪几起报警", "events_recent", _intent("分别是哪几起报警"), moved=False)
    assert not continues("都是什么隐患", "events_recent", listed, moved=False)  # another subject
    assert not continues("都是什么隐患", "hazard_count", listed, moved=True)  # a new place said


def test_two_towns_on_duty_list_both_rosters() -> None:
    asked: list[str] = []

    def ask(text: str, principal: Any, previous: Any, use_llm: bool) -> tuple[ChatAnswer, None]:
        asked.append(text)
        town = "城东街道" if "城东" in text else "云亭街道"
        row = {"id": f"P-{town}", "town": town}
        return ChatAnswer(answer=f"{town} 值班", path="template", intent="duty_now", rows=[row]), None

    got, _ = asker(ask, lambda: TOWNS)(
        "城东同云亭今天哪个带班", Principal(user_id="t", scope=DataScope()), None, False
    )
    assert asked == ["城东街道今天谁带班", "云亭街道今天谁带班"]
    assert [r["town"] for r in got.rows] == ["城东街道", "云亭街道"]
    assert got.answer.startswith("城东街道、云亭街道共查到 2 位值班人员")
    assert "城东街道 值班" in got.answer and "云亭街道 值班" in got.answer
