"""The chat's example questions name only places the caller may ask about."""

from __future__ import annotations

from agents.chat.examples import EXAMPLE_TEMPLATES, chat_examples
from agents.chat.service import check_question
from core.scope import DataScope, ScopeLevel

TOWNS = {t for _, t in EXAMPLE_TEMPLATES if t}
ZHUTANG = DataScope(level=ScopeLevel.TOWN, town="祝塘镇")
FIRM = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="91320281MA1X00000X")


def test_a_town_officer_is_shown_their_own_town() -> None:
    examples = chat_examples(ZHUTANG)
    assert not any(t in e for t in TOWNS for e in examples)
    assert "祝塘镇现在谁值班？" in examples and len(examples) == len(EXAMPLE_TEMPLATES)


def test_a_firm_is_shown_no_town_and_the_city_sees_the_whole_city() -> None:
    assert not any(t in e for t in TOWNS for e in chat_examples(FIRM)) and chat_examples(FIRM)
    city = chat_examples()
    assert all(any(t in e for e in city) for t in TOWNS) and "{" not in "".join(city)


def test_refusals_give_an_example_in_scope() -> None:
    assert check_question("") == "请输入问题，例如：澄江街道现在谁值班？"  # city-wide, as before
    assert check_question("", ZHUTANG) == "请输入问题，例如：祝塘镇现在谁值班？"
    for scope in (ZHUTANG, FIRM):
        said = (check_question("", scope) or "") + (check_question("who is on duty", scope) or "")
        assert said and not any(t in said for t in TOWNS)
