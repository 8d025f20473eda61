"""HTTP status of each error family: a failing upstream service is not reported as a server bug
(found by the third product probe: a busy search-index folder answered plan searches with a 500)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from agents.search.errors import SearchError, SearchIndexLockedError
from api.errors import install_error_handlers, status_for
from core.errors import ConfigError, LLMError, SafeCloudError


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (SearchIndexLockedError("检索索引目录正被另一个进程占用"), 503),
        (SearchError("检索失败"), 503),
        (LLMError("大模型服务无响应"), 502),
        (ConfigError("配置错误"), 500),
    ],
)
def test_status_of_each_error_family(error: SafeCloudError, status: int) -> None:
    assert status_for(error) == status


def test_a_locked_index_answers_503_with_its_chinese_message_and_code() -> None:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/search")
    def search() -> None:
        raise SearchIndexLockedError("检索索引目录正被另一个进程占用，请稍后再试")

    r = TestClient(app).get("/search")
    assert r.status_code == 503
    assert r.json() == {
        "code": "search_index_locked",
        "message": "检索索引目录正被另一个进程占用，请稍后再试",
        "details": {},
    }
