"""What bounds a text-to-Cypher answer's time: the draft's generated tokens and the llama.cpp threads
that prefill its prompt (docs/PERFORMANCE.md, text-to-Cypher latency)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from agents.cypher import answer_with_cypher
from agents.cypher.pipeline import MAX_DRAFT_TOKENS
from agents.llm.fake_chat_model import FakeChatModel
from agents.llm.llama_server_config import (
    ServerConfig,
    server_command,
    server_env,
)
from api.cli_ai import server_config
from api.settings import Settings
from core.ai import ChatMessage
from core.scope import DataScope


class RecordingModel(FakeChatModel):
    """A fake that keeps the answer budget each structured call was given."""

    def __init__(self, replies: list[str]) -> None:
        super().__init__(lambda messages: replies.pop(0))
        self.budgets: list[int | None] = []

    def structured(self, messages: Sequence[ChatMessage], schema: Any, *, max_retries: int = 2,
                   max_tokens: int | None = None) -> Any:  # fmt: skip
        self.budgets.append(max_tokens)
        return super().structured(messages, schema, max_retries=max_retries, max_tokens=max_tokens)


class NoRows:
    kind = "falkordb"

    def read(self, query: str, params: Any = None) -> list[dict[str, Any]]:
        return []

    def read_only(self, query: str, params: Any = None, *, timeout_ms: int) -> list[dict[str, Any]]:
        if "Penalty" in query:  # the first draft names a label this store "cannot" run
            from core.errors import GraphError

            raise GraphError("执行超时")
        return []


def test_every_draft_including_the_retry_is_asked_with_a_bounded_answer() -> None:
    model = RecordingModel([
        json.dumps({"cypher": "MATCH (p:Penalty) RETURN count(p) AS key"}),
        json.dumps({"cypher": "MATCH (e:Enterprise) RETURN count(e) AS key"}),
    ])  # fmt: skip
    answer = answer_with_cypher("去年罚了几家", scope=DataScope(), chat_model=model, store=NoRows())  # type: ignore[arg-type]
    assert len(answer.attempts) == 2
    assert model.budgets == [MAX_DRAFT_TOKENS, MAX_DRAFT_TOKENS]
    # Room for the longest hand-written query of the eval sets (191 tokens as JSON), not the adapter's 1,024.
    assert 191 * 2 <= MAX_DRAFT_TOKENS < 1024


def _cfg(tmp_path: Path, **kw: Any) -> ServerConfig:
    return ServerConfig(model_path=tmp_path / "m.gguf", alias="m", run_dir=tmp_path, threads=1, **kw)


def _flags(cfg: ServerConfig) -> dict[str, str]:
    argv = server_command(cfg, python="py")
    return dict(zip(argv[3::2], argv[4::2], strict=True))


def test_prompt_prefill_may_use_more_threads_than_decoding(tmp_path: Path) -> None:
    split = _cfg(tmp_path, threads_batch=2)
    assert (_flags(split)["--n_threads"], _flags(split)["--n_threads_batch"]) == ("1", "2")
    assert server_env(split, {})["OMP_NUM_THREADS"] == "2"  # the larger of the two
    same = _cfg(tmp_path)
    assert (_flags(same)["--n_threads"], _flags(same)["--n_threads_batch"]) == ("1", "1")
    # A running server prefilling with other threads is another configuration: restarted, not re-used.
    assert same.identity() != split.identity()


def test_llama_cpp_timings_are_logged_only_when_asked(tmp_path: Path) -> None:
    assert _flags(_cfg(tmp_path))["--verbose"] == "False"
    assert _flags(replace(_cfg(tmp_path), verbose=True))["--verbose"] == "True"


def test_settings_choose_the_prefill_threads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("agents.llm.llama_server_config.usable_cpus", lambda: 2)
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SAFECLOUD_LLM__THREADS", raising=False)
    monkeypatch.delenv("SAFECLOUD_LLM__THREADS_BATCH", raising=False)
    cfg = server_config(Settings())
    assert (cfg.threads, cfg.batch_threads) == (1, 2)  # unset: decode on 1 core, prefill on both
    monkeypatch.setenv("SAFECLOUD_LLM__THREADS_BATCH", "1")  # a busy shared box keeps prefill on one
    assert _flags(server_config(Settings()))["--n_threads_batch"] == "1"
    monkeypatch.setenv("SAFECLOUD_LLM__THREADS_BATCH", "2")
    assert _flags(server_config(Settings()))["--n_threads_batch"] == "2"


def test_prefill_uses_every_core_but_decoding_leaves_one_free() -> None:
    from agents.llm.llama_server import default_batch_threads, default_threads

    assert [default_batch_threads(n) for n in (1, 2, 4, 16)] == [1, 2, 4, 8]
    assert [default_threads(n) for n in (1, 2, 4, 16)] == [1, 1, 3, 8]
