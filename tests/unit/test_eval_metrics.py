from __future__ import annotations

from evals.metrics import PRF, exact_match, field_prf, hit_at_k, mrr, percentile, set_prf


def test_set_prf_counts_each_value_once() -> None:
    assert set_prf(["一级", "二级", "三级"], ["一级", "二级", "四级"]) == PRF(2, 1, 1)
    prf = PRF(2, 1, 1)
    assert round(prf.precision, 3) == 0.667 and round(prf.recall, 3) == 0.667


def test_empty_prediction_of_empty_truth_is_perfect() -> None:
    assert set_prf([], []).f1 == 1.0 and set_prf(["x"], []).precision == 0.0


def test_field_prf_and_exact_match() -> None:
    preds = [{"levels": ["一级"], "org": "应急局"}, {"levels": ["二级"], "org": None}]
    truth = [{"levels": ["一级"], "org": "应急局"}, {"levels": ["二级", "三级"], "org": "消防"}]
    prf = field_prf(preds, truth, ["levels", "org"])
    assert prf["levels"] == PRF(2, 0, 1) and prf["org"] == PRF(1, 0, 1)
    assert exact_match(preds, truth, ["levels", "org"]) == 0.5


def test_ranking_metrics() -> None:
    ranked = [["a", "b"], ["c", "d"], ["x"]]
    assert hit_at_k(ranked, ["a", "d", "z"], 1) == 1 / 3
    assert hit_at_k(ranked, ["a", "d", "z"], 2) == 2 / 3
    assert mrr(ranked, ["a", "d", "z"]) == (1 + 0.5) / 3
    assert percentile([5, 1, 3, 2, 4], 50) == 3
