"""Layout families from the plans-robust37 round (round 36's two plans as development data), on small synthetic
inputs worded differently from the corpus: "姓名——职务——职责" lines as posts of the body above them, a group heading
that reads like a response step ("现场处置组") inside the organisation part, response grades defined as bare "Ⅲ级："
lines in 总则 after a "响应…分为" sentence, a higher level's paragraph building on the level below, a 成员科室 column,
a 类别 column in a stock table, and a plan named after the work it organises (伤员救治, 抢修)."""

from __future__ import annotations

from plans.rules_meta import plan_type_of
from tests.support.plan_draft import extract_blocks, numbered_blocks


def _org(*lines: tuple[str, str]) -> dict:
    return extract_blocks(
        numbered_blocks(
            ("p", "江阴澄西燃气有限公司燃气管网泄漏事故专项应急预案"),
            ("h1", "2 组织机构及职责"),
            ("h2", "2.1 应急指挥部"),
            ("p", "公司成立燃气泄漏事故应急指挥部，人员分工如下："),
            ("p", "陈立新——董事长、总指挥——批准启动应急响应；调集公司抢修力量。"),
            ("p", "吴海燕——生产副总、副总指挥——协助总指挥工作；负责与街道的联络。"),
            ("p", "徐伟——管网所所长、成员——组织管网巡查。"),
            ("h2", "2.2 现场处置组"),
            ("p", "张明——抢修班班长、组长——关闭上游阀门；设置警戒区。"),
            ("p", "各抢修班职工——组员——开挖抢修作业坑；配合检测燃气浓度。"),
            *lines,
        )
    )


def test_name_post_duty_lines_are_posts_of_the_body_set_up_above_them() -> None:
    data = _org()
    hq = org_unit_by_suffix(data, "应急指挥部")
    assert [(r["title"], r["holder"], r["duties"]) for r in hq["roles"]] == [
        ("总指挥", "陈立新", ["批准启动应急响应", "调集公司抢修力量"]),
        ("副总指挥", "吴海燕", ["协助总指挥工作", "负责与街道的联络"]),
        ("成员", "徐伟", ["组织管网巡查"]),
    ]
    # the clauses are the posts' duties, not the body's
    assert "调集公司抢修力量" not in hq["duties"]


def test_a_group_heading_that_reads_like_a_response_step_is_a_unit_with_its_line_posts() -> None:
    data = _org()
    group = next(u for u in data["org_units"] if u["name"] == "现场处置组")
    assert group["parent"] == org_unit_by_suffix(data, "应急指挥部")["name"]
    assert [(r["title"], r["holder"]) for r in group["roles"]] == [("组长", "张明"), ("组员", "各抢修班职工")]
    assert group["roles"][1]["duties"] == ["开挖抢修作业坑", "配合检测燃气浓度"]


def test_a_dash_line_ending_in_a_phone_number_is_no_duty_line() -> None:
    data = _org(("p", "赵刚——安全员——13906168899"))
    roles = [(r["title"], r["duties"]) for u in data["org_units"] for r in u["roles"]]
    assert ("安全员", ["13906168899"]) not in roles


def org_unit_by_suffix(data: dict, suffix: str) -> dict:
    return next(u for u in data["org_units"] if u["name"].endswith(suffix))


def _graded_levels(intro: str) -> dict[str, dict]:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴澄东中医院突发中毒事件医疗救治应急预案"),
            ("h1", "1 总则"),
            ("h2", "1.3 分级"),
            ("p", intro),
            ("p", "三级：同时收治中毒病人5～9人；"),
            ("p", "二级：同时收治中毒病人10～29人，或出现死亡病例；"),
            ("h1", "4 应急响应"),
            ("h2", "4.1 三级响应"),
            ("p", "由急诊科主任指挥。开通中毒病人绿色通道，调配洗胃机和解毒药品。"),
            ("h2", "4.2 二级响应"),
            ("p", "由业务副院长指挥，在三级响应基础上："),
            ("p", "（1）抽调内科医生支援急诊；"),
            ("p", "（2）向江阴市卫生健康委员会报告。"),
        )
    )
    return {r["level"]: r for r in data["response_levels"]}


def test_bare_grade_lines_after_a_response_grading_sentence_are_the_triggers() -> None:
    levels = _graded_levels("本院中毒事件医疗救治响应分为三级、二级：")
    assert levels["三级"]["trigger"] == "同时收治中毒病人5～9人"
    assert levels["二级"]["trigger"] == "同时收治中毒病人10～29人，或出现死亡病例"


def test_grade_lines_without_a_response_sentence_give_no_trigger() -> None:
    # "事件分为…" grades the event, not the response: those lines may be an accident classification
    levels = _graded_levels("中毒事件按收治人数分为以下两类：")
    assert levels["三级"]["trigger"] == ""


def test_a_level_building_on_the_level_below_keeps_its_own_commander() -> None:
    levels = _graded_levels("本院中毒事件医疗救治响应分为三级、二级：")
    assert levels["三级"]["commander"] == "急诊科主任"
    assert levels["二级"]["commander"] == "业务副院长"


def test_member_department_column_is_a_role_and_a_category_column_gives_the_type() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴澄东中医院突发中毒事件医疗救治应急预案"),
            ("h1", "2 组织机构及职责"),
            ("p", "医院成立中毒救治领导小组，由院长任组长。领导小组下设两个专业组："),
            (
                "table",
                [
                    ["专业组", "组长", "成员部门", "主要任务"],
                    ["洗胃救治组", "急诊科护士长", "急诊科、消化内科", "实施洗胃；监测生命体征"],
                    ["药品保障组", "药剂科主任", "药剂科、采购中心", "调配解毒药品"],
                ],
            ),
            ("h1", "5 应急保障"),
            (
                "table",
                [
                    ["类别", "名称", "数量", "存放位置"],
                    ["物资", "纳洛酮注射液", "50支", "急诊药房"],
                    ["装备", "全自动洗胃机", "3台", "急诊科"],
                ],
            ),
        )
    )
    group = next(u for u in data["org_units"] if u["name"] == "洗胃救治组")
    assert ("成员部门", "急诊科、消化内科") in [(r["title"], r["holder"]) for r in group["roles"]]
    assert {r["name"]: r["type"] for r in data["resources"]} == {
        "纳洛酮注射液": "物资",
        "全自动洗胃机": "装备",
    }


def test_a_plan_named_after_the_work_it_organises_is_special() -> None:
    assert plan_type_of("江阴澄东中医院批量伤员救治应急预案")[0] == "专项"
    assert plan_type_of("江阴澄西燃气有限公司管网抢修应急预案")[0] == "专项"
    assert plan_type_of("江阴澄西自来水有限公司应急预案")[0] == "总体"


def test_a_group_heading_that_only_gathers_other_groups_is_no_unit() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴澄西燃气有限公司燃气管网泄漏事故专项应急预案"),
            ("h1", "2 组织机构及职责"),
            ("h2", "2.1 应急指挥部"),
            ("p", "公司成立燃气泄漏事故应急指挥部，总经理任总指挥。"),
            ("h2", "2.2 现场处置组"),
            ("p", "现场处置组由指挥部统一调度。"),
            ("h2", "2.3 抢修组"),
            ("p", "组长：管网所所长。职责：关闭阀门；开挖抢修。"),
        )
    )
    names = [u["name"] for u in data["org_units"]]
    assert "现场处置组" not in names and "抢修组" in names
