"""Plan passages in a chat answer: taken from the plans the answer names (best-ranked first), and
quoted only when they speak to what was asked (reporting limits, steps) beyond the level fields."""

from __future__ import annotations

from typing import Any

from agents.chat.plan_passages import plan_passages, quote, quoted, wants_quote

ROWS = [{"id": "P-TOWN", "levels": []}, {"id": "P-CITY", "levels": []}]
REPORTING = {
    "plan_id": "P-CITY",
    "title": "江阴市危险化学品事故专项应急预案",
    "section": "4.1 信息报告",
    "text": "事故单位负责人接报后应在1小时内向市应急管理局电话报告。市应急管理局接报后30分钟内报告市政府总值班室。",
}
SITE = {
    "plan_id": "P-TOWN",
    "title": "某镇危化品事故应急预案",
    "section": "5.2 现场处置",
    "text": "先期到达人员立即设置警戒区，疏散下风向群众，关闭雨水排口阀门，等待专业队伍。",
}
WARNING = {
    "plan_id": "P-TOWN",
    "title": "某镇危化品事故应急预案",
    "section": "3 预警",
    "text": "黄色预警：检测仪一级报警时由值班长发布。",
}


class Search:
    def __init__(self, found: list[dict[str, Any]]) -> None:
        self.found, self.calls = found, []  # type: ignore[var-annotated]

    def __call__(
        self, question: str, scope: object, plan_ids: list[str] | None = None, limit: int = 3
    ) -> list[dict[str, Any]]:
        self.calls.append((question, plan_ids))
        return [p for p in self.found if plan_ids is None or p["plan_id"] in plan_ids]


def test_passages_come_from_the_found_plans_in_their_answer_order() -> None:
    search = Search([REPORTING, SITE, {**SITE, "plan_id": "P-OTHER-FIRM"}])
    got = plan_passages(search, "氨气泄漏先做什么", None, "plan_for", ROWS)
    assert [p["plan_id"] for p in got] == ["P-TOWN", "P-CITY"]  # the town's 现场处置 is on the point
    assert search.calls[0][1] == ["P-TOWN", "P-CITY"]
    assert "处置" in search.calls[0][0]  # the step words aim the search at the handling sections


def test_a_passage_on_the_point_comes_before_a_better_ranked_plans_preamble() -> None:
    search = Search([WARNING, REPORTING])
    got = plan_passages(search, "泄漏后多长时间内上报", None, "plan_for", ROWS)
    assert got[0] is REPORTING


def test_no_plan_found_means_no_passage_and_no_search() -> None:
    search = Search([REPORTING])
    assert plan_passages(search, "氨气泄漏先做什么", None, "plan_for", []) == [] and search.calls == []


def test_a_reporting_question_quotes_the_reporting_passage() -> None:
    line = quote([WARNING, REPORTING], "氯气泄漏了要多久报上去，报告给谁")
    assert line.startswith("相关条文（《江阴市危险化学品事故专项应急预案》“4.1 信息报告”）")
    assert "1小时内" in line


def test_a_step_question_quotes_a_handling_section_not_a_warning() -> None:
    line = quote([WARNING, SITE], "罐区泄漏现场第一步干什么")
    assert "现场处置" in line and "警戒区" in line
    assert quote([WARNING], "罐区泄漏现场第一步干什么") == ""  # nothing on the point: no quote


def test_a_long_passage_is_cut_at_a_sentence_end() -> None:
    long = {**REPORTING, "text": "接报后立即报告。" * 40}
    line = quote([long], "多长时间内上报")
    assert line.endswith("。") and len(line) < 220


def test_when_to_quote() -> None:
    with_levels = [{"id": "P", "levels": [{"level": "二级"}]}]
    assert wants_quote("二级响应后多长时间内上报", {"response_level": "二级"}, with_levels)
    assert not wants_quote(
        "二级响应先做什么", {"response_level": "二级"}, with_levels
    )  # the level's actions answer
    assert wants_quote("泄漏了先做什么", {}, with_levels)
    assert not wants_quote("危化品泄漏用哪个预案", {}, with_levels)


def test_the_quote_goes_before_the_closing_note() -> None:
    answer = "适用的应急预案共 1 个：\n1.《甲》\n以上为已启用预案中经审核的内容。"
    assert quoted(answer, "相关条文：乙").splitlines()[-2:] == [
        "相关条文：乙",
        "以上为已启用预案中经审核的内容。",
    ]
    assert quoted(answer, "") == answer
