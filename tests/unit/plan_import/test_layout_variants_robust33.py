"""Layout families from the plans-robust33 round, on small synthetic inputs worded differently from the
corpus: a 岗位 | 职责 table whose rows name a group's or an office's post ("警戒疏散组组长", "领导小组办公室主任"),
groups named before a colon after a bare "领导小组下设", and a team set up in running text with its kit after the
head count."""

from __future__ import annotations

from tests.support.plan_draft import extract_blocks, numbered_blocks


def _data(*blocks: tuple[str, object]) -> dict:
    return extract_blocks(numbered_blocks(*blocks))


def _unit(data: dict, name: str) -> dict:
    return next(u for u in data["org_units"] if u["name"] == name)


def _roles(data: dict, unit: str) -> dict[str, tuple[str | None, list[str]]]:
    return {r["title"]: (r["holder"], r["duties"]) for r in _unit(data, unit)["roles"]}


_ORG = (
    ("p", "江阴某纸业有限公司火灾事故专项应急预案"),
    ("h1", "3 组织机构及职责"),
    ("p", "公司成立火灾事故应急领导小组，由董事长任组长，常务副总任副组长，各部门负责人为成员。"
          "领导小组办公室设在安全科，由安全科科长兼任办公室主任。"),
    ("p", "领导小组下设灭火行动组、警戒疏散组和后勤保障组：灭火行动组由生产部部长任组长，组员为各班组长；"
          "警戒疏散组由保卫科科长任组长，组员为保安；后勤保障组由综合办主任任组长，组员为仓管员。"),
)  # fmt: skip


def test_groups_named_before_a_colon_sit_under_the_body_a_bare_word_names() -> None:
    data = _data(*_ORG)
    for group in ("灭火行动组", "警戒疏散组", "后勤保障组"):
        assert _unit(data, group)["parent"] == "火灾事故应急领导小组"
    assert _roles(data, "灭火行动组") == {"组长": ("生产部部长", []), "组员": ("各班组长", [])}
    assert "组员" not in _roles(data, "领导小组办公室")


def test_post_table_rows_naming_a_group_or_office_post_go_to_that_unit() -> None:
    data = _data(
        *_ORG,
        ("table", [
            ["岗位", "职责"],
            ["组长", "宣布启动和终止应急响应；指挥救援"],
            ["领导小组办公室主任", "收集事故信息；通知各组到位"],
            ["警戒疏散组组长", "组织人员撤离；设置警戒线"],
            ["成员", "落实本部门应急措施"],
        ]),
    )  # fmt: skip
    top = _roles(data, "火灾事故应急领导小组")
    assert top["组长"] == ("董事长", ["宣布启动和终止应急响应", "指挥救援"])
    assert top["成员"][1] == ["落实本部门应急措施"]
    assert all("组长" not in (holder or "") and "主任" not in (holder or "") for holder, _ in top.values())
    assert _roles(data, "领导小组办公室")["主任"] == ("安全科科长", ["收集事故信息", "通知各组到位"])
    assert _roles(data, "警戒疏散组")["组长"] == ("保卫科科长", ["组织人员撤离", "设置警戒线"])


def test_kit_after_the_head_count_of_a_team_set_up_in_the_sentence_is_that_teams() -> None:
    data = _data(
        ("p", "江阴某化纤有限公司综合应急预案"),
        ("h1", "6 应急保障"),
        ("p", "公司成立了一支应急抢险队，有队员12名，另配备防化服6套、空气呼吸器3具。"),
    )
    held = {r["name"]: r["holder"] for r in data["resources"]}
    assert held["防化服"] == "应急抢险队" and held["空气呼吸器"] == "应急抢险队"
    assert held["应急抢险队"] is None
