"""Layout families from the plans-robust35 round, on small synthetic inputs worded differently from the
corpus: post cards written as one matrix with a column per post (rows 职务 / 主要任务 / 处置措施 / 手机), so each
post becomes a role with its own duties, and a listing of posts in the set-up sentence splits into one role per post."""

from __future__ import annotations

from plans.table_records import transposed_cards, transposed_contacts
from tests.support.plan_draft import extract_blocks, numbered_blocks

_MATRIX = [
    ["职务", "仓库主任（组长）", "叉车班长", "保管员", "安全员"],
    ["主要任务", "指挥现场处置", "组织叉车撤离通道", "清点库存危险品", "检查消防设施"],
    ["处置措施", "向公司总经理报告", "关闭叉车充电电源", "转移未着火货物", "设置警戒线"],
    ["手机", "13912340001", "13912340002", "13912340003", "13912340004"],
]


def _data(matrix: list[list[str]]) -> dict:
    return extract_blocks(
        numbered_blocks(
            ("p", "成品仓库火灾事故现场处置方案"),
            ("h1", "二、应急组织"),
            ("p", "仓库成立火灾现场应急小组，仓库主任任组长，叉车班长、保管员和安全员为组员。"),
            ("table", matrix),
        )
    )


def test_card_matrix_gives_each_post_its_own_role_and_duties() -> None:
    data = _data(_MATRIX)
    unit = next(u for u in data["org_units"] if u["name"] == "火灾现场应急小组")
    roles = {(r["title"], r["holder"]): r["duties"] for r in unit["roles"]}
    assert roles == {
        ("组长", "仓库主任"): ["指挥现场处置", "向公司总经理报告"],
        ("组员", "叉车班长"): ["组织叉车撤离通道", "关闭叉车充电电源"],
        ("组员", "保管员"): ["清点库存危险品", "转移未着火货物"],
        ("组员", "安全员"): ["检查消防设施", "设置警戒线"],
    }


def test_card_matrix_row_labels_are_no_roles() -> None:
    data = _data(_MATRIX)
    titles = {r["title"] for u in data["org_units"] for r in u["roles"]}
    assert not titles & {"主要任务", "处置措施", "手机"}


def test_card_matrix_phones_are_contacts_of_each_post() -> None:
    data = _data(_MATRIX)
    phones = {c["phone"]: c["role"] for c in data["contacts"]}
    assert phones["13912340003"] == "保管员"
    assert phones["13912340001"] == "仓库主任"


def test_ordinary_card_table_and_contact_matrix_are_left_to_their_own_readers() -> None:
    card = [
        ["岗位", "职责", "联系电话"],
        ["班长", "组织撤离", "13900000001"],
        ["操作工", "关阀", "13900000002"],
    ]
    assert transposed_cards(card) is card  # a 岗位 | 职责 header is already one row per post
    people = [["职务", "组长", "副组长"], ["姓名", "张三", "李四"], ["手机", "13900000003", "13900000004"]]
    assert transposed_cards(people) is people  # no duty row: a contact matrix, not cards
    assert transposed_contacts(people)[1] == ["组长", "张三", "13900000003"]
