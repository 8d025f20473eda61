"""Enterprise search documents: short names, 字号, aliases, payload, scope filters."""

from __future__ import annotations

import pytest

from agents.search.enterprise_index import (
    TextChunk,
    aliases,
    enterprise_doc,
    enterprise_filters,
    short_name,
    trade_name,
)


@pytest.mark.parametrize(
    ("name", "short", "expected_aliases"),
    [
        ("江阴兴澄特种钢铁有限公司", "兴澄特种钢铁", ["兴澄特种钢铁", "兴澄特钢", "兴澄"]),
        ("江阴市澄星化工有限公司", "澄星化工", ["澄星化工", "澄星"]),
        ("江苏阳光集团有限公司", "阳光", ["阳光", "阳光集团"]),
        ("江苏华宏精密机械股份有限公司", "华宏精密机械", ["华宏精密机械", "华宏精机", "华宏"]),
        ("江苏法尔胜股份有限公司", "法尔胜", ["法尔胜"]),
        (
            "中国石化销售股份有限公司江苏无锡江阴华士加油站",
            "华士加油站",
            ["华士加油站", "华士", "中石化华士加油站"],
        ),
    ],
)
def test_short_names_and_aliases(name: str, short: str, expected_aliases: list[str]) -> None:
    assert short_name(name) == short
    assert aliases(name) == expected_aliases


def test_trade_name_needs_something_left() -> None:
    assert trade_name("澄星化工") == "澄星"
    assert trade_name("化工") is None and trade_name("阳光") is None


def test_enterprise_doc_text_and_payload() -> None:
    doc = enterprise_doc(
        {
            "uscc": "91320281MA1AAAA1XX",
            "name": "江阴兴澄特种钢铁有限公司",
            "town": "临港经济开发区",
            "address": "滨江东路1号",
            "category": "冶金",
            "tags": ["重点企业"],
            "key_domains": ["有限空间"],
        }
    )
    assert doc.id == "91320281MA1AAAA1XX"
    assert doc.payload == {
        "uscc": "91320281MA1AAAA1XX",
        "name": "江阴兴澄特种钢铁有限公司",
        "short_name": "兴澄特种钢铁",
        "town": "临港经济开发区",
        "category": "冶金",
        "category_group": "工贸",
    }
    assert doc.text == "江阴兴澄特种钢铁有限公司；兴澄特种钢铁、兴澄特钢、兴澄；临港经济开发区；冶金"
    assert doc.keywords.split() == [
        "xctzgt",
        "xingchengtezhonggangtie",
        "xctg",
        "xingchengtegang",
        "xc",
        "xingcheng",
        "滨江东路1号",
        "重点企业",
        "有限空间",
    ]


def test_scope_narrows_index_filters() -> None:
    assert enterprise_filters() == {}
    assert enterprise_filters(town="华士镇", category="纺织") == {"town": "华士镇", "category": "纺织"}
    assert enterprise_filters(scope_town="华士镇") == {"town": "华士镇"}
    assert enterprise_filters(town="新桥镇", scope_town="华士镇")["town"] == ["\x00"]  # nothing matches
    assert enterprise_filters(scope_enterprise="X") == {"uscc": "X"}


def test_text_chunk_payload_is_filterable() -> None:
    doc = TextChunk(
        id="plan-1#3",
        text="发生泄漏时立即启动二级响应",
        kind="plan",
        source_id="plan-1",
        title="应急预案",
        metadata={"town": "华士镇", "time": 1},
    ).to_doc()
    assert doc.text.startswith("应急预案\n")
    assert doc.payload == {
        "town": "华士镇",
        "time": 1,
        "kind": "plan",
        "source_id": "plan-1",
        "text": "发生泄漏时立即启动二级响应",
        "title": "应急预案",
    }
