"""Architecture rules from STYLE.md, enforced rather than described."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE_ALLOWED_THIRD_PARTY = {"pydantic", "pydantic_core", "typing_extensions"}
PACKAGES = ("core", "graph", "ingestion", "plans", "agents", "vision", "api")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_only_stdlib_and_pydantic() -> None:
    offenders = {}
    for path in (ROOT / "core").rglob("*.py"):
        bad = {
            n
            for n in _imports(path)
            if n not in sys.stdlib_module_names and n not in CORE_ALLOWED_THIRD_PARTY and n != "core"
        }
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_dependencies_point_inward() -> None:
    """graph/ingestion/… never import api; core imports none of them."""
    offenders = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            imported = _imports(path) & set(PACKAGES)
            if package != "api" and "api" in imported:
                offenders.append(f"{path.relative_to(ROOT)} imports api")
            if package == "core" and imported - {"core"}:
                offenders.append(f"{path.relative_to(ROOT)} imports {imported - {'core'}}")
    assert offenders == []


_CYPHER = re.compile(r"\b(MATCH|MERGE) \(\w*:|\bUNWIND \$\w+ AS\b")  # case-sensitive: Cypher keywords


def test_cypher_lives_only_in_graph() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        if package != "graph"
        for path in (ROOT / package).rglob("*.py")
        if _CYPHER.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
