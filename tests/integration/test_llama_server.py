"""The real embedded llama.cpp server on the bundled 0.5B model: assemble, start, JSON chat, re-use, stop.

Needs llama-cpp-python and the 0.5B part packages (``make llm-runtime``): skipped locally without
them, failed under ``CI=true``.
"""

from __future__ import annotations

import http.client
import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from agents.llm import llama_server
from agents.llm.llama_server import ServerConfig
from core.errors import ConfigError
from tests.integration.conftest import ASSET, free_port

pytestmark = pytest.mark.llm


def _post(cfg: ServerConfig, path: str, body: dict[str, object]) -> dict[str, object]:
    conn = http.client.HTTPConnection(cfg.host, cfg.port, timeout=120)
    try:
        conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
    finally:
        conn.close()
    assert resp.status == 200, data[:500]
    return json.loads(data)  # type: ignore[no-any-return]


def test_json_object_chat_answer_parses(server: ServerConfig) -> None:
    schema = {
        "type": "object",
        "properties": {
            "enterprise": {"type": "string"},
            "levels": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["enterprise", "levels"],
    }
    reply = _post(
        server,
        "/v1/chat/completions",
        {
            "model": ASSET.name,
            "temperature": 0,
            "max_tokens": 120,
            "messages": [
                {"role": "system", "content": "你是信息抽取助手，只输出 JSON。"},
                {
                    "role": "user",
                    "content": "抽取企业名称 enterprise 和响应级别 levels：江阴市华士镇某化工有限公司的应急预案"
                    "将事故响应分为一级、二级、三级三个级别。",
                },
            ],
            "response_format": {"type": "json_object", "schema": schema},
        },
    )
    content = reply["choices"][0]["message"]["content"]  # type: ignore[index]
    facts = json.loads(content)
    assert isinstance(facts["enterprise"], str) and isinstance(facts["levels"], list)
    assert reply["model"] == ASSET.name


def test_a_second_start_reuses_the_healthy_server(server: ServerConfig) -> None:
    pid = llama_server.status(server)["pid"]
    began = time.monotonic()
    assert llama_server.start(server) == server.base_url
    assert time.monotonic() - began < 2.0
    report = llama_server.status(server)
    assert (report["pid"], report["answers"], report["served_models"]) == (pid, True, [ASSET.name])


def test_another_data_dir_cannot_take_the_port(server: ServerConfig, tmp_path: Path) -> None:
    other = replace(server, run_dir=tmp_path / "llm")
    with pytest.raises(ConfigError, match="SAFECLOUD_LLM__BASE_URL") as exc:
        llama_server.start(other)
    assert exc.value.code == "llm_port_in_use"


def test_lifecycle_start_stop(model_path: Path, tmp_path: Path) -> None:
    cfg = ServerConfig(
        model_path=model_path, alias="m", run_dir=tmp_path / "llm", port=free_port(), threads=1
    )
    assert llama_server.start(cfg) == cfg.base_url
    pid = llama_server.status(cfg)["pid"]
    assert isinstance(pid, int) and cfg.state_path.exists()
    assert llama_server.stop(cfg) is True
    report = llama_server.status(cfg, timeout_s=0.5)
    assert (report["running"], report["answers"]) == (False, False)
    assert not cfg.state_path.exists() and not Path(f"/proc/{pid}").exists()
    assert llama_server.stop(cfg) is False
