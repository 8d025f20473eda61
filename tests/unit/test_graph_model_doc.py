from pathlib import Path

from graph.model_doc import render


def test_graph_model_doc_is_up_to_date() -> None:
    committed = (Path(__file__).resolve().parents[2] / "docs" / "graph-model.md").read_text(encoding="utf-8")
    assert committed == render(), "regenerate: python -m graph.model_doc > docs/graph-model.md"
