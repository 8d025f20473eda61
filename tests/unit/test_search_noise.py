"""The noise rule of the fuzzy enterprise search (``agents.search.noise``)."""

from __future__ import annotations

from agents.search.noise import MIN_STANDING, is_noise, keyword_query, standing


def test_a_best_score_like_the_rest_is_noise_and_one_far_above_is_not() -> None:
    rest = [0.50, 0.49, 0.48, 0.47, 0.46, 0.45, 0.44, 0.43]
    assert standing([0.51, *rest]) < MIN_STANDING and is_noise(False, [0.51, *rest])
    assert standing([0.90, *rest]) > MIN_STANDING and not is_noise(False, [0.90, *rest])


def test_keyword_evidence_is_never_noise_and_too_few_scores_say_nothing() -> None:
    assert not is_noise(True, [])
    assert standing([0.9, 0.1]) == 0.0 and standing([0.3, 0.3, 0.3]) == 0.0


def test_lone_ascii_letters_and_digits_are_no_keyword_evidence() -> None:
    assert keyword_query("x = 1 OR (y)") == "=   OR ( )"
    assert keyword_query("澄星化工 2 号") == "澄星化工   号"
    assert keyword_query("hg") == "hg"
