"""AI-quality evaluation: datasets with ground truth, runners, metrics, and the docs/EVALS.md report.

Run with ``make eval`` (``python -m evals``). Pytest never measures model quality (STYLE.md §16);
the unit tests in ``tests/unit/test_eval_metrics.py`` only check the metric arithmetic.
"""
