"""General chat rules found by held-out 31 (a mixed day: villages named instead of towns, records
nouns typed with a slipped character), each tested on sentences that are not in the eval set."""

from __future__ import annotations

from agents.chat.coverage import uncovered
from agents.chat.places import village_aliases, with_villages
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.wordslips import fix_word_slips

VILLAGES = [
    {"village": "雷下村", "town": "新桥镇"},
    {"village": "华西村", "town": "华士镇"},
    {"village": "红豆村", "town": "顾山镇"},
    {"village": "滨江社区", "town": "城东街道"},
    {"village": "滨江社区", "town": "夏港街道"},
]
TOWNS = with_villages(Gazetteer.from_towns(["新桥镇", "华士镇", "顾山镇", "城东街道", "夏港街道"]), VILLAGES)


# ---- a village named instead of its town ------------------------------------------------------------
def test_a_village_in_one_town_stands_for_that_town() -> None:
    assert village_aliases(VILLAGES) == {"雷下村": "新桥镇", "华西村": "华士镇", "红豆村": "顾山镇"}
    assert extract_slots(normalise_question("雷下村今晚谁在值班"), TOWNS).town == "新桥镇"
    assert extract_slots(normalise_question("红豆村这边哪些摄像头不在线"), TOWNS).town == "顾山镇"


def test_a_village_two_towns_share_places_nothing() -> None:
    assert extract_slots(normalise_question("滨江社区现在谁值班"), TOWNS).town is None


def test_a_town_name_wins_over_a_village_with_the_same_words() -> None:
    assert (
        with_villages(Gazetteer.from_towns(["华士镇"]), [{"village": "华士", "town": "周庄镇"}]).aliases[
            "华士"
        ]
        == "华士镇"
    )


def test_a_village_is_no_extra_condition_for_records_held_per_town() -> None:
    for question, intent in (
        ("雷下村今晚谁在值班", "duty_now"),
        ("红豆村这边哪些摄像头不在线", "cameras_offline"),
    ):
        text = normalise_question(question)
        assert "村或社区" not in uncovered(text, extract_slots(text, TOWNS), intent)


def test_a_village_still_narrows_enterprise_records() -> None:
    text = normalise_question("雷下村有哪些企业还有隐患没整改")
    assert "村或社区" in uncovered(text, extract_slots(text, TOWNS), "hazard_list")


# ---- records nouns with a slipped character ----------------------------------------------------------
def test_records_nouns_slipped_by_one_sound_are_read_right() -> None:
    assert fix_word_slips("这个月开了几场演炼") == "这个月开了几场演练"
    assert fix_word_slips("顾山的出祖方名单") == "顾山的出租方名单"
    assert fix_word_slips("消防队配了哪些装被") == "消防队配了哪些装备"


def test_a_look_alike_of_the_same_component_is_read_right_in_long_terms_only() -> None:
    assert fix_word_slips("全市一级危检源有几个") == "全市一级危险源有几个"
    assert fix_word_slips("今天去检查") == "今天去检查"  # a two-character word is never re-read by shape
    assert fix_word_slips("验收合格") == "验收合格"


def test_slipped_records_nouns_route_to_the_records_templates() -> None:
    text = normalise_question("今年新桥搞过几次演炼")
    assert route(text, extract_slots(text, TOWNS)).intent == "drill_count"


def test_a_village_said_after_its_town_still_narrows_it() -> None:
    text = normalise_question("华士镇华西村现在谁值班")
    assert "村或社区" in uncovered(text, extract_slots(text, TOWNS), "duty_now")


# ---- an incident typed as a statement ------------------------------------------------------------------
def _routed(question: str) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS)).intent


def test_an_incident_told_as_a_statement_asks_for_the_plan() -> None:
    assert _routed("新桥一家化纤厂原料仓库起火了") == "plan_for"
    assert _routed("顾山有家电镀厂车间里有人中毒，正在抢救") == "plan_for"
    assert _routed("华士一个机械厂行车下面有人被电击了") == "plan_for"


def test_an_incident_asked_about_or_as_records_is_no_report() -> None:
    assert _routed("新桥今天有没有火灾报警") != "plan_for"
    assert _routed("上周新桥着火的事件有哪些") != "plan_for"


# ---- facts the graph does not hold -----------------------------------------------------------------
def test_turnover_home_addresses_and_casualty_tolls_are_not_held() -> None:
    assert _routed("顾山镇那几家化工厂营业额怎么样") is None
    assert _routed("华士镇带班领导家住哪里") is None
    assert _routed("今年全市火灾一共死亡多少人") is None


def test_an_incident_with_the_help_nearby_asks_for_the_help() -> None:
    assert _routed("新桥一家化纤厂起火了 最近的消防站") != "plan_for"


# ---- the records templates in other words ----------------------------------------------------------
def test_an_item_said_before_the_teams_is_the_equipment_asked() -> None:
    text = normalise_question("大流量排涝泵哪些队伍有")
    slots = extract_slots(text, TOWNS)
    assert route(text, slots).intent == "team_equipment"


def test_a_class_that_fell_or_rose_is_a_class_change() -> None:
    assert _routed("2025年从B类跌到C类的企业有几家") == "class_change_count"
    assert _routed("2025年由C类提到B类的企业") == "class_changes"


def test_renting_someone_elses_works_asks_for_the_tenants() -> None:
    assert _routed("租期已经到期了还在租人家厂房的企业有哪些") == "lease_tenants"


def test_stock_below_its_minimum_is_the_low_stock_question() -> None:
    assert _routed("顾山的应急仓库哪些物资数量不到储备下限") == "materials_low_stock"


# ---- thresholds on a graded field ----------------------------------------------------------------
def test_a_hazard_source_level_threshold_keeps_the_grades_it_names() -> None:
    from agents.chat.level_ranges import level_range

    assert level_range("申港三级以上的危险源") == {"mhs_levels": [1, 2, 3]}
    assert level_range("二级及以下的重大危险源有哪些") == {"mhs_levels": [2, 3, 4]}
    assert level_range("不到二级的重大危险源") == {"mhs_levels": [3, 4]}
    assert level_range("二级重大危险源") == {}


def test_a_risk_level_threshold_keeps_the_grades_it_names() -> None:
    from agents.chat.level_ranges import level_range

    assert level_range("一般以上的风险点") == {"risk_levels": ["重大", "较大", "一般"]}
    assert level_range("重大风险以下的风险点") == {"risk_levels": ["重大", "较大", "一般", "低"]}


def test_a_level_threshold_is_no_number_threshold() -> None:
    text = normalise_question("顾山三级以上重大危险源的企业有哪些")
    slots = extract_slots(text, TOWNS)
    assert "数量门槛" not in uncovered(text, slots, "hazard_source_enterprises")
    assert route(text, slots).intent == "hazard_source_enterprises"
