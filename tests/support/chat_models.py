"""An OpenAI-compatible server on 127.0.0.1 serving canned answers (``http.server`` in a thread: no
model, no outside network), and the small conversation and schema the ChatModel tests share."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from pydantic import BaseModel

from core.ai import ChatMessage

MODEL = "test-model"


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict → JSON; str → raw text
    sse: list[str] | None = None  # data payloads of an event stream
    delay: float = 0.0


def answer(text: str, prompt_tokens: int = 11, completion_tokens: int = 7) -> Reply:
    return Reply(
        body={
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "model": MODEL,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens},
        }
    )


@dataclass
class StubServer:
    replies: deque[Reply] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    version: str = "0.11.0"
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: object) -> None:
                pass

            def _send(self, status: int, payload: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                if self.path == "/v1/models":
                    body = {"object": "list", "data": [{"id": MODEL, "object": "model"}]}
                elif self.path == "/version":
                    body = {"version": stub.version}
                else:
                    self._send(404, b"{}", "application/json")
                    return
                self._send(200, json.dumps(body).encode(), "application/json")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                request = json.loads(self.rfile.read(length))
                with stub.lock:
                    stub.requests.append(request)
                    reply = stub.replies.popleft() if stub.replies else answer("默认回答")
                    stub.in_flight += 1
                    stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
                try:
                    time.sleep(reply.delay)
                    if reply.sse is not None:
                        self.send_response(reply.status)
                        self.send_header("Content-Type", "text/event-stream")
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for data in reply.sse:
                            self.wfile.write(f"data: {data}\n\n".encode())
                            self.wfile.flush()
                        self.close_connection = True
                    elif isinstance(reply.body, str):
                        self._send(reply.status, reply.body.encode(), "text/plain")
                    else:
                        self._send(reply.status, json.dumps(reply.body or {}).encode(), "application/json")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first (timeout tests)
                finally:
                    with stub.lock:
                        stub.in_flight -= 1

        return Handler


@contextmanager
def serve_stub() -> Iterator[StubServer]:
    """A running ``StubServer`` (its ``url`` ends in ``/v1``), shut down on exit."""
    server_state = StubServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), server_state.handler())
    server.daemon_threads = True
    server_state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)


def user(text: str) -> list[ChatMessage]:
    return [ChatMessage(role="system", content="你是助手。"), ChatMessage(role="user", content=text)]


class Level(BaseModel):
    level: int
    name: str
