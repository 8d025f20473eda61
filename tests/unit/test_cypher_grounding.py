"""agents.cypher.grounding: self-references resolved to the principal, stored values named."""

from __future__ import annotations

from agents.cypher.grounding import ValueCatalogue, find_value_hints, resolve_self_reference
from core.scope import DataScope, ScopeLevel

TOWN = DataScope(level=ScopeLevel.TOWN, town="华士镇")
FIRM = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="91320281MA1XXXXXX1")


def test_town_officer_self_references_become_their_town() -> None:
    assert resolve_self_reference("本镇逾期隐患有几条", TOWN) == "华士镇逾期隐患有几条"
    assert resolve_self_reference("我们街道哪家企业最多", TOWN) == "华士镇哪家企业最多"
    assert resolve_self_reference("辖区内有几个加油站", TOWN) == "华士镇有几个加油站"
    assert resolve_self_reference("本镇街的专家", TOWN) == "华士镇的专家"


def test_city_users_and_other_words_are_left_alone() -> None:
    assert resolve_self_reference("本镇逾期隐患有几条", DataScope()) == "本镇逾期隐患有几条"
    assert resolve_self_reference("华士镇和周庄镇比", TOWN) == "华士镇和周庄镇比"


def test_enterprise_user_self_reference_becomes_the_enterprise_name() -> None:
    assert (
        resolve_self_reference("我们公司有几条隐患", FIRM, "远峰铜业有限公司") == "远峰铜业有限公司有几条隐患"
    )
    assert resolve_self_reference("我们公司有几条隐患", FIRM, None) == "我们公司有几条隐患"


def test_value_hints_keep_the_longest_value_in_question_order() -> None:
    values = {
        ("Chemical", "name", False): ["液氨", "氨", "甲醇", "苯"],
        ("Expert", "speciality", False): ["危化", "消防"],
        ("Camera", "algorithms", True): ["烟雾", "火焰"],
    }
    hints = find_value_hints("储存液氨且有危化专家的企业，摄像头能识别烟雾吗", values)
    assert [h.render() for h in hints] == [
        "Chemical.name = '液氨'",
        "Expert.speciality = '危化'",
        "'烟雾' IN x.algorithms（x:Camera）",
    ]
    assert find_value_hints("今天谁值班", values) == []


class _CountingStore:
    def __init__(self) -> None:
        self.calls = 0

    def read(self, query: str, params: dict | None = None) -> list[dict]:
        self.calls += 1
        return [{"v": "液氨"}, {"v": None}, {"v": ""}]


def test_value_catalogue_reads_each_field_once_within_its_ttl() -> None:
    store = _CountingStore()
    catalogue = ValueCatalogue(ttl_seconds=60)
    first = catalogue.values(store)  # type: ignore[arg-type]
    calls = store.calls
    assert catalogue.values(store) is first and store.calls == calls  # type: ignore[arg-type]
    assert all(v == ["液氨"] for v in first.values())  # empty and null values dropped


def test_amounts_and_counts_become_digits_but_level_names_do_not() -> None:
    from agents.cypher.grounding import normalise_quantities

    assert normalise_quantities("单笔罚款超过3万元的企业") == "单笔罚款超过30000元的企业"
    assert normalise_quantities("罚款二点五万") == "罚款二点五万"  # not a numeral it can read: unchanged
    assert normalise_quantities("罚款2.5万以上，五家以上") == "罚款25000以上，5家以上"
    assert normalise_quantities("三级重大危险源，同一次检查") == "三级重大危险源，同一次检查"
    assert normalise_quantities("万达广场") == "万达广场"


def test_closed_vocabulary_values_are_placed_on_their_property() -> None:
    from agents.cypher.schema_prompt import enum_value_hints, labels_for

    question = "既涉氨制冷又是加油站的企业"
    touched, _ = labels_for(question)
    hints = enum_value_hints(question, touched)
    assert "'涉氨制冷' IN x.key_domains（x:Enterprise）" in hints
    assert "Enterprise.category = '加油站'" in hints
    # 重大 inside the label word 重大危险源 is not a hazard level; 街道 in a town name is no value.
    question = "周庄街道有重大危险源的企业有没有重大隐患"
    touched, _ = labels_for(question)
    assert enum_value_hints(question, touched).count("Hazard.level = '重大'") == 1
    assert not any("街道" in h for h in enum_value_hints(question, touched))


def test_domain_words_are_explained_only_for_the_labels_shown() -> None:
    from agents.cypher.schema_prompt import phrase_meanings

    notes = phrase_meanings("超期没整改的隐患和掉线的探头", ["Enterprise", "Hazard", "Sensor"])
    assert any(n.startswith("逾期隐患") for n in notes) and any(n.startswith("离线") for n in notes)
    assert phrase_meanings("掉线的探头", ["Enterprise"]) == []


def test_answer_shape_follows_the_wording() -> None:
    from agents.cypher.grounding import answer_shape

    assert "count" in (answer_shape("祝塘镇一共有几个加油站") or "")
    assert "LIMIT 1" in (answer_shape("哪个专家的电话最多") or "")
    assert "LIMIT N" in (answer_shape("隐患排名前5的企业") or "")
    assert "分组" in (answer_shape("每个镇街分别有几支救援队") or "")
    assert "之差" in (answer_shape("青阳镇比月城镇多多少家A类企业？") or "")
    assert answer_shape("最近7天有火焰告警的企业") is None  # 最近 + time is a window, not a superlative
    assert answer_shape("低于最低库存的物资") is None
    assert answer_shape("有哪些危化救援队") is None


def test_conditions_the_question_never_stated_are_sent_back_once() -> None:
    import pytest

    from agents.cypher.grounding import check_literals_grounded, ungrounded_literals
    from graph.cypher_guard import CypherRejectedError

    copied = "MATCH (e:Enterprise) WHERE e.town = '月城镇' AND e.scale = '大型' RETURN e.name AS key"
    assert ungrounded_literals(copied, "月城镇有哪些企业") == ["大型"]
    with pytest.raises(CypherRejectedError) as info:
        check_literals_grounded(copied, "月城镇有哪些企业")
    assert "'大型'" in info.value.reason
    # abbreviations and vocabulary words count as mentioned
    assert (
        ungrounded_literals(
            "MATCH (e:Enterprise) WHERE e.town = '临港经济开发区' RETURN e.name", "临港的企业"
        )
        == []
    )
    assert (
        ungrounded_literals("MATCH (e:Enterprise) WHERE e.category = '一般化工' RETURN e.name", "化工厂")
        == []
    )


def test_calendar_time_words_become_millisecond_bounds_rolling_windows_do_not() -> None:
    from agents.cypher.grounding import time_note

    now = 1_764_000_000_000  # 2025-11-25 00:00 +08:00
    note = time_note("上个月祝塘镇做了几次检查", now) or ""
    assert ">= 1759248000000 AND < 1761926400000" in note  # 2025-10-01 .. 2025-11-01, Shanghai
    assert time_note("近7天的告警", now) is None and time_note("最近一个月的处罚", now) is None
    assert time_note("华士镇的加油站", now) is None
