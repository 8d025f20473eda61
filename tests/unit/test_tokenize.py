"""Chinese keyword tokens and BM25-style sparse vectors (agents.search.tokenize)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.search.tokenize import NAMES, STOPWORDS, TEXT, Tokenizer, pinyin_tokens, term_index


@pytest.fixture(scope="module")
def tok(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    return Tokenizer(tmp_path_factory.mktemp("jieba"))


def test_search_mode_words_and_bigrams(tok: Tokenizer) -> None:
    tokens = tok.tokens("江阴兴澄特种钢铁有限公司")
    assert {"兴澄", "特种", "钢铁", "有限公司", "有限", "公司"} <= set(tokens)  # lcut_for_search sub-words
    assert {"澄特", "种钢"} <= set(tokens)  # CJK bigrams across word boundaries
    assert tokens.count("兴澄") == 1  # a bigram equal to a word is not counted twice


def test_stopwords_punctuation_and_case_are_dropped(tok: Tokenizer) -> None:
    tokens = tok.tokens("  GB 30871 的 动火作业，和  受限空间！ ")
    assert "gb" in tokens and "30871" in tokens
    assert not {"的", "和", "，", "！", " "} & set(tokens)
    assert all(t == t.lower() for t in tokens)
    assert tok.tokens("，。！？、") == [] and tok.tokens("") == []
    assert "的" in STOPWORDS


def test_typo_still_shares_bigrams_with_the_name(tok: Tokenizer) -> None:
    assert {"兴澄", "澄特"} <= set(tok.tokens("兴澄特刚"))


def test_names_profile_adds_single_characters_for_swapped_typos(tok: Tokenizer) -> None:
    assert {"化", "工"} <= set(tok.tokens("中申工化", NAMES))
    assert "化" not in tok.tokens("中申工化", TEXT)  # long texts keep fewer terms (local-mode cost)
    assert "的" not in tok.tokens("安全的工厂", NAMES)


def test_pinyin_tokens() -> None:
    assert pinyin_tokens(["兴澄特钢"]) == ["xctg", "xingchengtegang"]
    assert pinyin_tokens(["澄星", "A"]) == ["cx", "chengxing"]  # single letters are no tokens
    assert pinyin_tokens(["江阴3号"]) == ["jyh", "jiangyinhao"]  # only the CJK characters count


def test_query_vector_has_unit_weights_and_pinyin_of_short_queries(tok: Tokenizer) -> None:
    q = tok.query_vector("兴成特钢", NAMES)  # a homophone typo
    assert set(q.values) == {1.0}
    assert term_index("xingchengtegang") in q.indices and term_index("xingcheng") in q.indices
    assert term_index("xingchengtegang") not in tok.query_vector("兴成特钢", TEXT).indices
    assert not tok.query_vector("，。")


def test_document_vector_is_sorted_unique_and_saturates_term_frequency(tok: Tokenizer) -> None:
    once = tok.document_vector("液氨")
    assert once.indices == sorted(set(once.indices))
    twice = tok.document_vector("液氨 液氨")
    many = tok.document_vector(" ".join(["液氨"] * 50))
    w1, w2, w50 = (
        dict(zip(v.indices, v.values, strict=True))[term_index("液氨")] for v in (once, twice, many)
    )
    assert w1 < w2 < w50 < tok.k1 + 1  # grows with tf, bounded by k1 + 1
    assert w2 < 2 * w1


def test_term_index_is_stable_32_bit() -> None:
    assert term_index("兴澄") == term_index("兴澄") and 0 <= term_index("兴澄") < 2**32
    assert term_index("兴澄") != term_index("澄兴")


def test_jieba_loads_quietly_with_its_cache_in_the_given_folder(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    fresh = Tokenizer(tmp_path / "cache")
    assert fresh.tokens("临港经济开发区") != []
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
    assert (tmp_path / "cache" / "jieba.cache").is_file()


def test_domain_words_stay_whole(tmp_path: Path) -> None:
    fresh = Tokenizer(tmp_path)
    fresh.add_words(["澄星化工"])
    assert "澄星化工" in fresh.tokens("江阴市澄星化工有限公司")
