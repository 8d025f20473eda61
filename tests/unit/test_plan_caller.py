"""A plan question naming no accident, no sector and no plan is read for the caller's own patch
(``agents.chat.plan_caller``): a firm's own plans, a town's or the city's general plan — never an
arbitrary plan of the city's list."""

from __future__ import annotations

from typing import Any

from agents.chat import plan_caller, plan_guide
from core.scope import DataScope, ScopeLevel


class ProfileStore:
    """Answers the one read ``plan_caller`` makes: the caller's firm."""

    def __init__(self, profile: dict[str, Any] | None) -> None:
        self.profile = profile

    def read(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return [self.profile] if self.profile and params.get("id") == self.profile["id"] else []


def _plan(pid: str, title: str, unit: str, **kw: Any) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": kw.pop("plan_type", "专项"), "issuing_unit": unit,
            "town": None, "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": [],
            "levels": [], "asked_town": None} | kw  # fmt: skip


VENUE = _plan("P-venue", "江阴市会展中心大型展会人群踩踏事故应急预案", "")
CITY_CHEM = _plan(
    "P-chem", "江阴市危险化学品事故专项应急预案", "江阴市人民政府办公室", accident_types=["泄漏"]
)
CITY_ALL = _plan("P-all", "江阴市突发事件总体应急预案", "江阴市人民政府", plan_type="总体")
TOWN_ALL = _plan("P-town", "新桥镇生产安全事故应急预案", "新桥镇人民政府", town="新桥镇", towns=["新桥镇"])
TOWN_FLOOD = _plan("P-flood", "新桥镇防汛防台应急预案", "新桥镇人民政府", town="新桥镇", towns=["新桥镇"])
OWN = _plan("P-own", "江阴某某化学有限公司综合应急预案", "江阴某某化学有限公司", plan_type="总体",
            town="新桥镇", enterprise_id="E-1")  # fmt: skip
FIRM = {
    "id": "E-2",
    "name": "江阴新桥某化工有限公司",
    "town": "新桥镇",
    "category": "危化品生产",
    "key_domains": [],
}
TOWN_OFFICER = DataScope(level=ScopeLevel.TOWN, town="新桥镇")


def _firm_scope(uscc: str) -> DataScope:
    return DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=uscc)


def _run(rows: list[dict[str, Any]], question: str, scope: DataScope, **params: Any) -> tuple[list[str], str]:
    values = plan_guide.slot_values(question) | params
    ranked = plan_guide.rank(rows, values, question)
    out = plan_caller.for_caller(ProfileStore(FIRM), rows, ranked, values, question, scope)
    return [r["id"] for r in out], plan_guide.answer(out, values)


def test_a_firm_user_listing_plans_gets_only_their_own() -> None:
    ids, _ = _run([VENUE, CITY_CHEM, OWN], "看看咱们的预案", _firm_scope("E-1"), enterprise_id="E-1")
    assert ids == ["P-own"]


def test_a_firm_user_without_a_plan_is_told_and_offered_the_sector_and_every_emergency_plans() -> None:
    ids, text = _run(
        [VENUE, CITY_CHEM, CITY_ALL], "本厂预案在哪里看", _firm_scope("E-2"), enterprise_id="E-2"
    )
    assert ids == ["P-all", "P-chem"]  # a chemical works: the 危化 plan; never the venue's
    assert text.startswith("江阴新桥某化工有限公司暂无已启用的本单位应急预案") and "会展中心" not in text


def test_a_bare_level_question_of_a_town_officer_reads_the_towns_whole_class_plan() -> None:
    ids, _ = _run([VENUE, CITY_CHEM, TOWN_FLOOD, TOWN_ALL], "发布Ⅱ级响应的话总指挥是谁", TOWN_OFFICER)
    assert ids == ["P-town"]


def test_a_bare_level_question_with_no_general_plan_asks_which_accident() -> None:
    ids, text = _run([VENUE, CITY_CHEM], "四级响应听谁的", DataScope())
    assert ids == [] and "请说明是哪类事故" in text and "会展中心" not in text


def test_an_accident_or_a_named_plan_keeps_the_ranked_order() -> None:
    rows = [VENUE, CITY_CHEM, TOWN_ALL]
    assert _run(rows, "一级响应危化品泄漏谁指挥", TOWN_OFFICER)[0][0] == "P-chem"
    named = _run(rows, "会展中心大型展会人群踩踏预案的一级响应谁指挥", TOWN_OFFICER)[0]
    assert named and named[0] == "P-venue"


def test_whole_class_titles_are_general_and_one_kind_titles_are_not() -> None:
    assert plan_caller.is_general(TOWN_ALL) and plan_caller.is_general(CITY_ALL)
    assert not plan_caller.is_general(TOWN_FLOOD) and not plan_caller.is_general(VENUE)


class IssuerStore:
    """Answers ``plan_places.another_issuer_named``'s reads: the plans' issuers and the resolved firm."""

    def __init__(self, issuers: list[str], firm_name: str) -> None:
        self.issuers, self.firm_name = issuers, firm_name

    def read(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if "issuing_unit" in query:
            return [
                {"id": f"P{i}", "issuing_unit": u, "title": "", "plan_type": "专项"}
                for i, u in enumerate(self.issuers)
            ]
        return [{"id": params.get("id"), "name": self.firm_name, "town": "利港街道"}]


def test_a_plans_issuer_named_outranks_a_near_named_firm_the_words_were_resolved_to() -> None:
    from agents.chat.plan_places import another_issuer_named

    store = IssuerStore(["江阴金澄纺织有限公司", "江阴市人民政府办公室"], "江阴市银澄纺织科技有限公司")
    assert another_issuer_named(store, {"enterprise_id": "E-9"}, "金澄纺织染缸起火了一级响应怎么做")  # type: ignore[arg-type]
    same = IssuerStore(["江阴金澄纺织有限公司"], "江阴金澄纺织有限公司")
    assert not another_issuer_named(same, {"enterprise_id": "E-9"}, "金澄纺织染缸起火了一级响应怎么做")  # type: ignore[arg-type]
    assert not another_issuer_named(store, {}, "金澄纺织染缸起火了")  # type: ignore[arg-type]
