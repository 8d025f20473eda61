"""Closed-vocabulary normalisation (agents/llm/vocab.py) and the rule-based plan-facts baseline."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from agents.llm.extraction import CountFact, PlanFacts, count_label, extract_plan_facts_baseline
from agents.llm.vocab import (
    RESPONSE_LEVELS,
    clean,
    cn_to_int,
    normalise_accident_class,
    normalise_choice,
    normalise_date,
    normalise_level,
    parse_count,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("二级", "二级"),
        ("Ⅱ级", "二级"),
        ("2级", "二级"),
        ("二级响应", "二级"),
        ("II", "二级"),
        ("Ⅱ", "二级"),
        ("ii级", "二级"),
        ("２级", "二级"),  # full-width digit
        (" 二级 ", "二级"),
        ("第二级响应", "二级"),
        ("启动Ⅱ级应急响应", "二级"),
        ("Ⅰ级（特别重大）", "一级"),
        ("I", "一级"),
        ("III级响应", "三级"),
        ("Ⅳ级", "四级"),
        ("IV", "四级"),
        ("4", "四级"),
        (3, "三级"),
        ("五级", None),
        ("两级", None),
        ("一级至四级", None),  # a range is not one level
        ("红色", "一级"),  # warning colours share the scale (突发事件应对法)
        ("橙色预警", "二级"),
        ("发布黄色预警信号", "三级"),
        ("蓝色预警", "四级"),
        ("红", None),  # one-character keys only match a synonym table that lists them
        ("紫色", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_level(value: object, expected: str | None) -> None:
    assert normalise_level(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("较大生产安全事故", "较大"),
        ("较大", "较大"),
        ("特别重大事故", "特别重大"),  # not 重大, which sits inside it
        ("重大事故", "重大"),
        ("一般事故", "一般"),
        ("特大", "特别重大"),
        ("特大火灾事故", "特别重大"),
        ("重特大", None),  # two classes
        ("较大以上事故", None),
        ("特别重大和重大", None),  # ambiguous
        ("严重", None),
    ],
)
def test_normalise_accident_class(value: str, expected: str | None) -> None:
    assert normalise_accident_class(value) == expected


def test_normalise_choice_with_custom_synonyms_and_reject() -> None:
    choices = ("红色", "橙色", "黄色", "蓝色")
    synonyms = {"红": "红色", "RED": "红色", "橙色预警": "橙色"}
    assert normalise_choice("red", choices, synonyms) == "红色"  # case-folded
    assert normalise_choice("发布橙色预警信号", choices, synonyms) == "橙色"
    assert normalise_choice("红", choices, synonyms) == "红色"
    assert normalise_choice("红橙", choices, synonyms) is None  # one-character keys only match exactly
    assert normalise_choice("蓝色以上", choices, reject=["以上"]) is None
    assert normalise_choice("紫色", choices, synonyms) is None
    assert normalise_choice(["红色"], choices) is None  # not a string


def test_clean_folds_width_case_space_and_edge_punctuation() -> None:
    assert clean("  “Ⅱ 级”。") == "II级"
    assert clean("ＡＢＣ１２３") == "ABC123"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三十五", 35),
        ("十二", 12),
        ("十", 10),
        ("一百零三", 103),
        ("两百", 200),
        ("三千五百", 3500),
        ("一万二", 12000),
        ("三百五", 350),
        ("十万", 100_000),
        ("一亿二千万", 120_000_000),
        ("二〇二四", 2024),
        ("两千零二十四", 2024),
        ("廿五", 25),
        ("零", 0),
        ("35", 35),
        ("３５", 35),
        ("1.5万", 15000),
        ("3万", 30000),
        ("1.25", None),  # not whole
        ("百", None),
        ("万", None),
        ("五十余", None),
        ("二级", None),
        ("", None),
    ],
)
def test_cn_to_int(text: str, expected: int | None) -> None:
    assert cn_to_int(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("三十五人", 35),
        ("约1.5万名", 15000),
        ("200余人", 200),
        (12, 12),
        (3.0, 3),
        (2.5, None),
        (True, None),
        ("abc", None),
    ],
)
def test_parse_count(value: object, expected: int | None) -> None:
    assert parse_count(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024年3月1日", "2024-03-01"),
        ("二〇二四年三月一日", "2024-03-01"),
        ("2024年3月1号", "2024-03-01"),
        ("2024年十二月", "2024-12"),
        ("2024年", "2024"),
        ("2024/3/1", "2024-03-01"),
        ("2024.12.31", "2024-12-31"),
        ("2024-03", "2024-03"),
        ("2024年2月30日", None),  # no such day
        ("2024-13-01", None),
        ("三月一日", None),  # no year
        (20240301, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_plan_facts_validators_normalise_model_output() -> None:
    facts = PlanFacts.model_validate(
        {
            "response_levels": ["Ⅳ级", "2级", "二级响应", "I"],
            "organisations": [" 市应急管理局 ", "市应急管理局", ""],
            "dates": ["2024年3月1日", "2024-03-01"],
            "counts": [{"value": "三十", "unit": " 名 ", "subject": "消防员"}],
            "extra_field": "ignored",
        }
    )
    assert facts.response_levels == ["一级", "二级", "四级"]  # deduplicated, most severe first
    assert facts.organisations == ["市应急管理局"]
    assert facts.dates == ["2024-03-01"]
    assert (facts.counts[0].value, facts.counts[0].unit) == (30, "名")


def test_plan_facts_rejects_what_cannot_be_normalised_naming_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        PlanFacts.model_validate(
            {"response_levels": ["二级", "五级"], "dates": ["明年"], "counts": [{"value": -1, "unit": "人"}]}
        )
    locations = {tuple(e["loc"]) for e in info.value.errors()}
    assert ("response_levels", 1) in locations
    assert ("dates",) in locations
    assert ("counts", 0, "value") in locations


@pytest.mark.parametrize(
    ("sentence", "levels", "organisations", "dates", "counts"),
    [
        (
            "本预案将应急响应分为一级、二级、三级和四级，由市应急管理局负责启动三级响应。",
            list(RESPONSE_LEVELS),
            ["市应急管理局"],
            [],
            [],
        ),
        (
            "发生较大生产安全事故时，启动Ⅱ级应急响应，市政府办公室应在1小时内上报，出动120名消防救援人员和15辆消防车。",
            ["二级"],
            ["市政府办公室"],
            [],
            [(1, "小时"), (120, "名"), (15, "辆")],
        ),
        (
            "2024年3月1日起施行，事发地县级人民政府会同市公安局组织30余人开展救援。",
            [],
            ["事发地县级人民政府", "市公安局"],
            ["2024-03-01"],
            [(30, "人")],
        ),
        (
            "应急响应分为Ⅰ级至Ⅳ级，各有关部门应在两个工作日内完成报送，二〇二三年十二月修订。",
            list(RESPONSE_LEVELS),
            [],
            ["2023-12"],
            [(2, "个工作日")],
        ),
        (
            "市安全生产委员会办公室设在市应急管理局，2024-05-20印发。",
            [],
            ["市安全生产委员会办公室", "市应急管理局"],
            ["2024-05-20"],
            [],
        ),
        ("第十二级台风过境。", [], [], [], []),  # 十二级 is wind force, not a response level
        ("发布橙色预警后，相关企业应在48小时内完成隐患排查。", ["二级"], [], [], [(48, "小时")]),
        ("按照严重程度，应急响应分为四个等级。", [], [], [], []),  # 四个等级 is not a quantity
        ("造成1至2人死亡的，启动四级响应。", ["四级"], [], [], [(1, "人"), (2, "人")]),
        ("本预案每3年修订一次，2019年版同时废止。", [], [], [], [(3, "年")]),  # 2019年版: no date, no count
        ("企业应每隔半小时向市应急管理局续报。", [], ["市应急管理局"], [], [(30, "分钟")]),
        ("由市政府主要领导任总指挥，市应急管理局局长任副总指挥。", [], ["市政府", "市应急管理局"], [], []),
        ("值班人员于2小时内书面报告市委、市政府。", [], ["市委", "市政府"], [], [(2, "小时")]),
        ("临港经济开发区管委会负责先期处置。", [], ["临港经济开发区管委会"], [], []),
    ],
)
def test_baseline_extractor(
    sentence: str,
    levels: list[str],
    organisations: list[str],
    dates: list[str],
    counts: list[tuple[int, str]],
) -> None:
    facts = extract_plan_facts_baseline(sentence)
    assert facts.response_levels == levels
    assert facts.organisations == organisations
    assert facts.dates == dates
    assert [(c.value, c.unit) for c in facts.counts] == counts


def test_count_label_writes_hours_as_minutes() -> None:
    assert count_label(CountFact(value=2, unit="小时")) == "120分钟"
    assert count_label(CountFact(value=15, unit="分钟")) == "15分钟"
    assert count_label(CountFact(value=3, unit="年")) == "3年"
