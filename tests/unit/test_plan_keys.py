"""Derived uniqueness keys (core.plan_keys), the numbering rules that compare through them, and how
both engines' constraint refusals become one typed error (graph.unique_errors)."""

from __future__ import annotations

import pytest

from api.errors import status_for
from core import plan_keys as pk
from core.errors import GraphError, UniqueConflictError, ValidationError
from graph.unique_errors import falkor_unique_violation, from_neo4j
from plans.version_rules import refuse_taken_number, reupload_number, rollback_number


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("璜土镇危化品泄漏专项预案", " 璜土镇危化品泄漏专项预案  "),
        ("澄江街道 消防 预案", "澄江街道\u3000消防\t预案"),  # full-width space and a tab, as pasted from Word
        ("Ｖ２．０", "V2.0"),  # full-width letters and digits
    ],
)
def test_spellings_a_reader_takes_for_one_name_share_a_key(a: str, b: str) -> None:
    assert pk.name_key(a) == pk.name_key(b)
    assert pk.title_key(a, "周庄镇", None) == pk.title_key(b, "周庄镇", None)
    assert pk.version_key("PLN-7", a) == pk.version_key("PLN-7", b)


def test_a_title_is_claimed_per_jurisdiction() -> None:
    title = "新桥镇有限空间作业事故现场处置方案"
    keys = {
        pk.title_key(title, None, None),  # 市级
        pk.title_key(title, "新桥镇", None),
        pk.title_key(title, "新桥镇", "91320281MA1XYZ1234"),
        pk.title_key(title, "顾山镇", None),
    }
    assert len(keys) == 4


def test_parts_cannot_run_into_each_other() -> None:
    # A separator inside one part must not make two different tuples one key.
    assert pk.title_key('预案", "甲', "乙", None) != pk.title_key("预案", '甲", "乙', None)
    assert pk.version_key("PLN-1", "2") != pk.version_key("PLN-12", "")
    assert pk.seq_key("PLN-1", 12) != pk.seq_key("PLN-11", 2)


def test_an_upload_key_is_the_bytes_in_their_jurisdiction() -> None:
    sha = "AB" * 32
    assert pk.source_key(sha, "徐霞客镇", None) == pk.source_key(sha.lower(), "徐霞客镇", None)
    assert pk.source_key(sha, "徐霞客镇", None) != pk.source_key(sha, "祝塘镇", None)
    assert pk.enabled_key("PLN-3") != pk.enabled_key("PLN-4")


def test_numbering_compares_normalised_numbers() -> None:
    taken = {pk.normalise(n) for n in ("1.0", "2.0（回滚）")}
    with pytest.raises(ValidationError) as err:
        refuse_taken_number(" 1.0 ", taken)
    assert err.value.code == "duplicate_version_no"
    # The full-width brackets of a generated number normalise like the stored one: the next is chosen.
    assert rollback_number("2.0", taken) == "2.0（第2次回滚）"
    assert reupload_number("1.0", taken) == "1.0（第2次上传）"
    refuse_taken_number("3.0", taken)  # a free number passes


def test_neo4j_and_falkordb_refusals_become_one_typed_conflict() -> None:
    neo = from_neo4j("Node(42) already exists with label `PlanTemplate` and property `name_key` = '[\"x\"]'")
    assert (neo.details["label"], neo.details["property"]) == ("PlanTemplate", "name_key")
    falkor = falkor_unique_violation(Exception("unique constraint violation on node of type PlanVersion"))
    assert falkor is not None and falkor.details["label"] == "PlanVersion"
    assert falkor_unique_violation(Exception("Type mismatch: expected Integer")) is None
    for exc in (neo, falkor):
        assert isinstance(exc, UniqueConflictError) and isinstance(exc, GraphError)
        assert status_for(exc) == 409 and exc.code == "unique_conflict"
        assert "重复" in exc.message
