"""graph.cypher_guard: what an LLM-written query may do, and how it is rewritten. Pure (no engine)."""

from __future__ import annotations

import pytest

from core.scope import ScopeLevel
from graph.cypher_guard import CypherRejectedError, guard_cypher
from graph.cypher_tokens import TokenKind, tokenize

CITY_PARAMS = {"now_ms"}
TOWN_PARAMS = {
    "now_ms", "scope_town", "scope_enterprise", "scope_enterprise_ids", "scope_lessor_ids",
    "scope_department_ids", "scope_team_ids", "scope_warehouse_ids",
}  # fmt: skip


def city(query: str, max_rows: int = 200) -> str:
    return guard_cypher(query, params=CITY_PARAMS, max_rows=max_rows).text


def town(query: str) -> str:
    return guard_cypher(query, params=TOWN_PARAMS, level=ScopeLevel.TOWN).text


def rejected(query: str, level: ScopeLevel = ScopeLevel.CITY) -> str:
    with pytest.raises(CypherRejectedError) as info:
        guard_cypher(query, params=TOWN_PARAMS if level is not ScopeLevel.CITY else CITY_PARAMS, level=level)
    return info.value.reason


# ---- tokenizer ---------------------------------------------------------------------------------
def test_tokenizer_keeps_strings_comments_and_params_apart() -> None:
    toks = tokenize("MATCH (e {name: 'a // b'}) WHERE e.x = \"DELETE\" /* c */ RETURN $p")
    kinds = {t.text: t.kind for t in toks}
    assert kinds["'a // b'"] is TokenKind.STRING
    assert kinds['"DELETE"'] is TokenKind.STRING
    assert kinds["/* c */"] is TokenKind.COMMENT
    assert kinds["p"] is TokenKind.PARAM


def test_escaped_quote_does_not_end_a_string() -> None:
    toks = tokenize(r"RETURN 'X\'}) DETACH DELETE n //' AS k")
    assert [t.kind for t in toks] == [TokenKind.IDENT, TokenKind.STRING, TokenKind.IDENT, TokenKind.IDENT]


# ---- allowed read forms ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query",
    [
        "MATCH (e:Enterprise) WHERE e.town = '华士镇' RETURN e.name AS key LIMIT 10",
        "MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) WHERE h.status IN ['待整改', '整改中'] "
        "AND h.deadline < $now_ms RETURN e.name AS key, count(h) AS n ORDER BY n DESC LIMIT 5",
        "MATCH (e:Enterprise) OPTIONAL MATCH (i:Inspection)-[:INSPECTED]->(e) WITH e, count(i) AS n "
        "WHERE n = 0 RETURN e.name AS key LIMIT 5",
        "MATCH (e:Enterprise) RETURN e.name AS key, size([(e)-[:HAS_HAZARD]->(h:Hazard) | h]) AS n LIMIT 5",
        "MATCH (e:Enterprise) WHERE (e)-[:HAS_HAZARD_SOURCE]->() RETURN count(e) AS key",
        "MATCH (e:Enterprise) CALL { WITH e MATCH (e)-[:HAS_HAZARD]->(h:Hazard) RETURN count(h) AS c } "
        "RETURN e.name AS key, c LIMIT 3",
        "MATCH (e:Enterprise) WHERE e.name STARTS WITH '江阴' WITH e MATCH (e)-[:PERFORMS]->(o:SpecialOperation) "
        "RETURN DISTINCT e.name AS key LIMIT 5",
        "UNWIND ['华士镇', '周庄镇'] AS t MATCH (e:Enterprise {town: t}) RETURN t AS key, count(e) AS n LIMIT 5",
        "MATCH (e:Enterprise) RETURN e {.name, .town} AS key, CASE WHEN e.employees > 100 THEN '大' ELSE '小' END "
        "AS size LIMIT 5",
        "MATCH (e:Enterprise)-[:LEASES_FROM|ACTS_AS]->(l:Lessor) RETURN l.name AS key LIMIT 5",
        "MATCH (e:Enterprise) WHERE any(d IN e.key_domains WHERE d = '粉尘涉爆') RETURN e.name AS key LIMIT 5;",
        "MATCH (a:Enterprise)-[:LEASES_FROM*1..2]->(l:Lessor) RETURN l.name AS key LIMIT 5",
    ],
)
def test_read_queries_pass_unchanged_except_the_limit(query: str) -> None:
    out = city(query)
    assert out.rstrip(";").startswith(query.rstrip(";").split(" LIMIT ")[0])
    assert "LIMIT" in out


def test_missing_limit_is_added_and_large_limit_lowered() -> None:
    assert city("MATCH (e:Enterprise) RETURN e.name AS key").endswith(" LIMIT 200")
    assert city("MATCH (e:Enterprise) RETURN e.name AS key LIMIT 100000", max_rows=50).endswith("LIMIT 50")
    assert city("MATCH (e:Enterprise) RETURN e.name AS key LIMIT 7").endswith("LIMIT 7")


def test_columns_are_reported() -> None:
    guarded = guard_cypher(
        "MATCH (e:Enterprise) RETURN e.name AS key, count(*) AS n", params=CITY_PARAMS, max_rows=10
    )
    assert guarded.columns == ("key", "n")


# ---- rejections --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("MATCH (n) DETACH DELETE n", "写操作"),
        ("CREATE (:Town {id: 'x'}) RETURN 1", "写操作"),
        ("MATCH (e:Enterprise) SET e.name = 'x' RETURN e.name", "写操作"),
        ("MERGE (t:Town {id: 'x'}) RETURN t.id", "写操作"),
        ("MATCH (e:Enterprise) REMOVE e.name RETURN e.id", "写操作"),
        ("MATCH (e:Enterprise) FOREACH (x IN [1] | SET e.a = x) RETURN 1", "写操作"),
        ("DROP INDEX foo", "写操作"),
        ("CALL db.labels() YIELD label RETURN label", "过程"),
        ("CALL dbms.components() YIELD name RETURN name", "过程"),
        ("MATCH (e:Enterprise) CALL apoc.create.node(['X'], {}) YIELD node RETURN node", "过程"),
        ("MATCH (e:Enterprise) RETURN e.name UNION MATCH (t:Town) RETURN t.id", "UNION"),
        ("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "LOAD CSV"),
        ("MATCH (e:Enterprise) RETURN e.name AS key LIMIT 3; MATCH (n) DELETE n", "一条语句"),
        ("MATCH (e:Enterprise) RETURN e.name AS key; MATCH (t:Town) RETURN t.id", "一条语句"),
        ("MATCH (e:Enterprise) RETURN e.name // ignore the rest", "注释"),
        ("MATCH (e:Enterprise) /* DELETE */ RETURN e.name", "注释"),
        ("MATCH (e:`Enterprise`) RETURN e.name", "反引号"),
        ("MATCH (e:Secret) RETURN e.name", "未知标签"),
        ("MATCH (e:Enterprise)-[:OWNS]->(x:Town) RETURN x.id", "未知关系类型"),
        ("MATCH (e:Enterprise) RETURN e.password", "没有属性"),
        ("MATCH (e:Enterprise {password: 'x'}) RETURN e.name", "没有属性"),
        ("MATCH (e:Enterprise) WHERE e.town = $town RETURN e.name", "未知参数"),
        ("MATCH (e:Enterprise) RETURN apoc.text.join([e.name], ',')", "没有属性"),
        ("MATCH (e:Enterprise) RETURN e.name, db.nameFromId(1)", "命名空间"),
        ("MATCH (e:Enterprise) WHERE e.founded_at > datetime() RETURN e.name", "不允许的函数"),
        ("MATCH (e:Enterprise) WHERE EXISTS { (e)-[:HAS_HAZARD]->() } RETURN e.name", "EXISTS"),
        ("MATCH (e:Enterprise:Lessor) RETURN e.name", "一个标签"),
        ("MATCH (e:Enterprise) RETURN e.name LIMIT $n", "未知参数"),
        ("MATCH (e:Enterprise) RETURN e.name AS key LIMIT 1 + 1", "LIMIT"),
        ("MATCH (e:Enterprise)-[*]->(x:Town) RETURN x.id", "上限"),
        ("MATCH (e:Enterprise)-[*1..9]->(x:Town) RETURN x.id", "上限"),
        ("MATCH (e:Enterprise)", "RETURN"),
        ("RETURN 'unterminated", "引号"),
        ("MATCH (e:Enterprise) RETURN e.name AS key RETURN e.id AS id", "RETURN 之后"),
        ("USE system SHOW USERS", "管理命令"),
        ("", "为空"),
    ],
)
def test_rejections_name_the_reason(query: str, reason: str) -> None:
    assert reason in rejected(query)


def test_words_inside_strings_are_not_clauses() -> None:
    out = city("MATCH (e:Enterprise) WHERE e.name = 'CREATE DELETE; // x' RETURN e.name AS key")
    assert "'CREATE DELETE; // x'" in out


# ---- scope rewrite -----------------------------------------------------------------------------
def test_town_scope_constrains_every_bound_scoped_node() -> None:
    out = town(
        "MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) WHERE h.level = '重大' RETURN e.name AS key LIMIT 5"
    )
    assert out == (
        "MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) WHERE (e.town = $scope_town AND "
        "h.enterprise_id IN $scope_enterprise_ids) AND ( h.level = '重大') RETURN e.name AS key LIMIT 5"
    )


def test_anonymous_scoped_nodes_get_a_variable_and_a_predicate() -> None:
    out = town("MATCH (:Enterprise)-[:HAS_HAZARD]->(:Hazard) RETURN count(*) AS key")
    assert "(scope_v1:Enterprise)" in out and "(scope_v2:Hazard)" in out
    assert "WHERE scope_v1.town = $scope_town AND scope_v2.enterprise_id IN $scope_enterprise_ids" in out


def test_optional_match_and_comprehensions_are_scoped_too() -> None:
    out = town(
        "MATCH (t:Town) OPTIONAL MATCH (e:Enterprise)-[:LOCATED_IN]->(t) "
        "RETURN t.id AS key, size([(e)-[:RECEIVED_PENALTY]->(p:Penalty) | p]) AS n"
    )
    assert "MATCH (t:Town) WHERE t.id = $scope_town" in out
    assert "OPTIONAL MATCH (e:Enterprise)-[:LOCATED_IN]->(t) WHERE e.town = $scope_town" in out
    assert "[(e)-[:RECEIVED_PENALTY]->(p:Penalty) WHERE p.enterprise_id IN $scope_enterprise_ids | p]" in out


def test_subquery_matches_are_scoped() -> None:
    out = town(
        "MATCH (e:Enterprise) CALL { WITH e MATCH (e)-[:HAS_HAZARD]->(h:Hazard) RETURN count(h) AS c } "
        "RETURN e.name AS key, c"
    )
    assert "MATCH (e)-[:HAS_HAZARD]->(h:Hazard) WHERE h.enterprise_id IN $scope_enterprise_ids" in out


def test_rebinding_a_name_after_with_is_a_new_node() -> None:
    # `x` is dropped by WITH, so the later (x) is a fresh, unlabeled node: refused.
    assert "标签" in rejected(
        "MATCH (x:Enterprise) WITH count(x) AS n MATCH (x)-[:HAS_HAZARD]->(h:Hazard) RETURN h.id",
        ScopeLevel.TOWN,
    )


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("MATCH (n) RETURN count(n) AS key", "标签"),
        ("MATCH (e:Enterprise)-[:LOCATED_IN]->(t:Town)<-[:LOCATED_IN]-(x) RETURN x.name", "标签"),
        ("MATCH ()-[r:INSPECTED]->() RETURN count(r)", "标签"),
        ("MATCH (e:Enterprise)-[:LEASES_FROM*1..2]->(l:Lessor) RETURN l.name", "可变长"),
        ("MATCH (e:Enterprise) WHERE (e)-[:HAS_HAZARD]->(:Hazard) RETURN e.name", "MATCH"),
        ("MATCH p = (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) RETURN p", "路径"),
    ],
)
def test_scoped_queries_that_cannot_be_constrained_are_refused(query: str, reason: str) -> None:
    assert reason in rejected(query, ScopeLevel.TOWN)


def test_city_scope_adds_no_predicates() -> None:
    query = "MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) RETURN e.name AS key LIMIT 5"
    assert city(query) == query


def test_enterprise_scope_hides_public_resources() -> None:
    params = {"now_ms", "scope_town", "scope_enterprise", "scope_enterprise_town"}
    out = guard_cypher(
        "MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) RETURN h.id AS key",
        params=params,
        level=ScopeLevel.ENTERPRISE,
    ).text
    assert "e.id = $scope_enterprise AND h.enterprise_id = $scope_enterprise" in out
    with pytest.raises(CypherRejectedError, match="RescueTeam"):
        guard_cypher("MATCH (r:RescueTeam) RETURN r.name", params=params, level=ScopeLevel.ENTERPRISE)


def test_subquery_sees_outer_variables_only_through_an_importing_with() -> None:
    # Without `WITH e`, the inner `e` is a new, unlabeled variable: it could be any node.
    assert "标签" in rejected(
        "MATCH (e:Enterprise) CALL { MATCH (e)-[:HAS_HAZARD]->(h:Hazard) RETURN count(h) AS c } RETURN c",
        ScopeLevel.TOWN,
    )


def test_chinese_outside_quotes_is_explained() -> None:
    assert "单引号" in rejected("MATCH (e:Enterprise) WHERE e.town = 华士镇 RETURN e.name")
    assert "单引号" in rejected("MATCH (e:Enterprise) RETURN e.name AS 企业名称")
    assert "单引号" in rejected("MATCH (e:Enterprise) WHERE e.town = ‘华士镇’ RETURN e.name")


def test_whole_nodes_are_not_returned() -> None:
    # Results must be plain values on both engines (GraphStore contract), so ask for properties.
    assert "属性" in rejected("MATCH (e:Enterprise) RETURN e")
    assert "属性" in rejected("MATCH (e:Enterprise)-[r:LOCATED_IN]->(t:Town) RETURN e.name, r")
    assert city("MATCH (e:Enterprise) RETURN properties(e) AS p").startswith("MATCH")
