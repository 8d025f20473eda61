"""LLM benchmarks: first-token latency, decode speed and a short JSON extraction, per bundled model.

    python -m benchmarks.llm_bench --sizes 0.5b,1.5b --output -

Each size is served by the embedded llama.cpp server (started and stopped here with the default
thread count) and measured through the same OpenAIChatModel adapter the product uses.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pydantic import BaseModel

from agents.llm import build_chat_model
from api.settings import Settings
from core.ai import ChatMessage

ROOT = Path(__file__).resolve().parents[1]
SHORT = [ChatMessage(role="user", content="用一句话说明什么是重大危险源。")]
DECODE = [ChatMessage(role="user", content="请列出化工企业动火作业前必须检查的十项内容，每项一句话。")]
EXTRACT = [
    ChatMessage(role="system", content="从句子中抽取信息，只输出 JSON。"),
    ChatMessage(
        role="user",
        content="句子：发生较大事故时启动二级响应，由江阴市应急管理局局长任总指挥，值班电话0510-86012345。",
    ),
]


class Extraction(BaseModel):
    level: str
    commander_org: str
    phone: str


def bench(size: str, repeat: int) -> dict[str, float]:
    base = Settings()
    settings = base.model_copy(update={"llm": base.llm.model_copy(update={"size": size})})
    cli = [sys.executable, "-m", "api.cli", "llm"]
    subprocess.run([*cli, "serve", "--size", size], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    model = build_chat_model(settings)
    try:
        model.complete(SHORT, max_tokens=8)  # warm-up: load weights into the page cache
        first_token = []
        for _ in range(repeat):
            started = time.perf_counter()
            next(iter(model.stream(SHORT, max_tokens=16)))
            first_token.append((time.perf_counter() - started) * 1000)
        decode = []
        for _ in range(repeat):
            result = model.complete(DECODE, max_tokens=128)
            decode.append(result.usage.completion_tokens / (result.latency_ms / 1000))
        extraction = []
        for _ in range(repeat):
            started = time.perf_counter()
            model.structured(EXTRACT, Extraction)
            extraction.append(time.perf_counter() - started)
    finally:
        model.close()
        subprocess.run([*cli, "stop"], check=False, cwd=ROOT, stdout=subprocess.DEVNULL)
    return {
        "first_token_ms": statistics.median(first_token),
        "decode_tok_s": statistics.median(decode),
        "extraction_s": statistics.median(extraction),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.5b,1.5b")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", default="-")
    args = parser.parse_args()
    rows = [
        "| model | first token (ms) | decode (tok/s, incl. prompt) | JSON extraction end to end (s) |",
        "|---|---:|---:|---:|",
    ]
    for size in args.sizes.split(","):
        r = bench(size, args.repeat)
        rows.append(
            f"| Qwen2.5-Coder-{size.upper()} Q4_K_M | {r['first_token_ms']:.0f} | "
            f"{r['decode_tok_s']:.1f} | {r['extraction_s']:.2f} |"
        )
    text = "\n".join(rows) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
