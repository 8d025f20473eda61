"""Planguide12 round: a 厂中厂 lessee's accident lists its lessor's plans through the lease in the graph,
a sector's own plan is listed for its sector's accident said in its own words (a 煤气 leak at a steel
works: the 冶金 plan, which the broader 工贸 plan does not stand for), and a warning asked of a firm on
an accident of its works keeps the public plan for that accident. Worded unlike the eval lines."""

from __future__ import annotations

from typing import Any

from agents.chat import plan_guide
from agents.chat.plan_firm_warning import firm_warning_rows
from agents.chat.plan_lessors import with_lessor_plans
from core.scope import DataScope, ScopeLevel

GONGMAO = {"id": "gm", "title": "江阴市工贸行业生产安全事故应急预案", "plan_type": "专项",
           "issuing_unit": "江阴市应急管理局",
           "accident_types": ["粉尘爆炸", "有限空间作业中毒和窒息", "高温熔融金属灼烫", "涉氨制冷泄漏"]}  # fmt: skip
METALLURGY = {"id": "yj", "title": "江阴市应急管理局冶金企业生产安全事故部门应急预案", "plan_type": "部门",
              "issuing_unit": "江阴市应急管理局", "accident_types": ["灼烫", "中毒", "火灾", "爆炸"]}  # fmt: skip


def _titles(rows: list[dict[str, Any]]) -> list[str]:
    return [str(r["title"]) for r in rows]


# ---- a sector's own plan for its sector's accident ---------------------------------------------------------
def test_a_gas_leak_at_a_steel_works_lists_the_metallurgy_plan_not_only_the_broad_works_plan() -> None:
    ranked = plan_guide.rank(
        [GONGMAO, METALLURGY], {"accident_types": ["泄漏"]}, "某钢铁公司焦炉煤气管线泄漏了，用什么预案"
    )
    assert METALLURGY["title"] in _titles(ranked)


def test_a_fire_at_an_aluminium_works_is_still_the_metallurgy_plans_alone() -> None:
    ranked = plan_guide.rank(
        [GONGMAO, METALLURGY], {"accident_types": ["火灾"]}, "一家铝业公司的成品库房失火了，用什么预案"
    )
    assert _titles(ranked) == [METALLURGY["title"]]


def test_a_copper_works_is_a_metallurgy_works() -> None:
    ranked = plan_guide.rank(
        [GONGMAO, METALLURGY], {"accident_types": ["泄漏"]}, "镇上铜厂熔铜炉煤气泄漏，怎么处置"
    )
    assert METALLURGY["title"] in _titles(ranked)


# ---- 厂中厂: the lessor's plans through the lease ----------------------------------------------------------
class _Store:
    """Answers the two graph reads the lessor step makes: the firms and the lease."""

    def __init__(self, leases: dict[str, list[str]]) -> None:
        self.leases = leases
        self.lessor_reads: list[dict[str, Any]] = []

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        params = params or {}
        if "LEASES_FROM" in query:
            self.lessor_reads.append(params)
            return [{"id": i} for i in self.leases.get(params["id"], [])]
        if "MATCH (e:Enterprise) RETURN" in query:
            return [{"id": "L1", "name": "江阴市宏泰塑胶有限公司", "town": "某镇"},
                    {"id": "O1", "name": "江阴市恒远化纤有限公司", "town": "某镇"}]  # fmt: skip
        return []


OWNER_PLAN = {"id": "op", "title": "江阴市恒远化纤有限公司火灾事故专项应急预案", "plan_type": "专项",
              "issuing_unit": "江阴市恒远化纤有限公司", "enterprise_id": "O1", "accident_types": ["火灾"]}  # fmt: skip
OWNER_ONSITE = {"id": "oc", "title": "纺丝车间火灾现场处置方案", "plan_type": "现场处置方案",
                "issuing_unit": "江阴市恒远化纤有限公司", "enterprise_id": "O1", "accident_types": ["火灾"]}  # fmt: skip


def test_a_lessees_fire_adds_its_lessors_plan_for_the_whole_site_though_the_lessor_is_not_said() -> None:
    store = _Store({"L1": ["O1"]})
    reads: list[dict[str, Any]] = []

    def read(params: dict[str, Any]) -> list[dict[str, Any]]:
        reads.append(params)
        return [GONGMAO, OWNER_PLAN, OWNER_ONSITE]

    question = "宏泰塑胶的挤出车间起火了，用哪些预案"
    rows, added = with_lessor_plans(store, [GONGMAO], {"town": None, "enterprise_id": None}, question,
                                    DataScope(), read)  # fmt: skip
    assert added == ["op"] and _titles(rows) == [
        GONGMAO["title"],
        OWNER_PLAN["title"],
    ]  # no room's on-site plan
    assert reads[0]["enterprise_id"] == "O1"
    ranked = plan_guide.rank(rows, {"accident_types": ["火灾"], "place_plans": added}, question)
    assert OWNER_PLAN["title"] in _titles(ranked)


def test_a_firm_that_rents_from_no_enterprise_gets_no_other_firms_plan() -> None:
    store = _Store({})
    rows, added = with_lessor_plans(store, [GONGMAO], {"enterprise_id": "L1"}, "宏泰塑胶起火了", DataScope(),
                                    lambda p: [OWNER_PLAN])  # fmt: skip
    assert added == [] and rows == [GONGMAO]


def test_a_town_officer_reads_only_lessors_in_the_town() -> None:
    store = _Store({"L1": ["O1"]})
    with_lessor_plans(store, [], {"enterprise_id": "L1"}, "宏泰塑胶起火了",
                      DataScope(level=ScopeLevel.TOWN, town="某镇"), lambda p: [])  # fmt: skip
    assert store.lessor_reads == [{"id": "L1", "scope_town": "某镇"}]


# ---- a warning asked of a firm on an accident of its works -----------------------------------------------
FIRM = {"id": "f", "title": "江阴某某电镀有限公司生产安全事故综合应急预案", "plan_type": "综合",
        "issuing_unit": "江阴某某电镀有限公司", "accident_types": ["火灾", "灼烫"]}  # fmt: skip
HAZCHEM = {"id": "h", "title": "江阴市危险化学品事故专项应急预案", "plan_type": "专项",
           "issuing_unit": "江阴市人民政府办公室", "accident_types": ["泄漏", "火灾"]}  # fmt: skip
FLOOD = {"id": "w", "title": "江阴市水利农机局防汛防台应急预案", "plan_type": "部门",
         "issuing_unit": "江阴市水利农机局", "accident_types": ["台风", "暴雨"]}  # fmt: skip


def test_a_firms_warning_on_a_leak_keeps_the_public_plan_for_the_leak() -> None:
    question = "某某电镀的硝酸罐有点滴漏，橙色预警由谁发布"
    got = firm_warning_rows([HAZCHEM], {"accident_types": ["泄漏"]}, question, lambda p: [FIRM, HAZCHEM])
    assert got is not None and _titles(got) == [FIRM["title"], HAZCHEM["title"]]


def test_a_firms_weather_warning_is_still_its_own_plan_alone() -> None:
    question = "暴雨要来了，某某电镀公司要发几级预警"
    got = firm_warning_rows([FLOOD], {"accident_types": ["暴雨"]}, question, lambda p: [FIRM, FLOOD])
    assert got is not None and _titles(got) == [FIRM["title"]]
