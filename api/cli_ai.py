"""``safecloud llm …`` (the embedded llama.cpp server) and ``safecloud models …`` (the model registry).

Registered on the main app in ``api/cli.py``. Heavy imports stay inside the commands so that
``safecloud --help`` and the graph commands do not pay for them.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.cli_errors import fail
from api.settings import Settings
from core.errors import SafeCloudError

if TYPE_CHECKING:
    from agents.llm.llama_server import ServerConfig

llm_app = typer.Typer(help="本地大模型服务（llama.cpp，离线运行）", no_args_is_help=True)
models_app = typer.Typer(help="算法模型广场：内置与已登记的模型", no_args_is_help=True)

SizeOption = Annotated[str | None, typer.Option("--size", help="内置模型规模：0.5b 或 1.5b（默认取配置）")]


def _echo_json(obj: object) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _fail(exc: SafeCloudError) -> None:
    fail(exc)


def server_config(settings: Settings, size: str | None = None) -> ServerConfig:
    """``Settings`` → the embedded server's configuration (absolute paths: the PID file compares them)."""
    from agents.llm.gguf_assets import asset_for
    from agents.llm.llama_server import ServerConfig, default_batch_threads, default_threads

    llm = settings.llm
    asset = asset_for(size or llm.size)
    return ServerConfig(
        model_path=settings.models_dir.resolve() / asset.filename,
        alias=llm.model or asset.name,
        run_dir=settings.data_dir.resolve() / "llm",
        host=llm.host,
        port=llm.port,
        threads=llm.threads or default_threads(),
        threads_batch=llm.threads_batch or default_batch_threads(),  # unset: prefill on every core
        context=llm.context,
        prompt_cache_mb=llm.prompt_cache_mb,
    )


def _external(settings: Settings) -> bool:
    return bool(settings.llm.base_url) or settings.llm.backend != "llama_cpp"


def llm_report(settings: Settings) -> dict[str, Any]:
    """The LLM section of ``safecloud doctor``. Never raises: a stopped LLM is reported, not fatal."""
    import importlib.util

    from agents.llm.llama_server import probe_models, status

    llm = settings.llm
    if _external(settings):
        key = llm.api_key.get_secret_value() if llm.api_key else None
        served = probe_models(llm.base_url, api_key=key) if llm.base_url else None
        return {
            "backend": llm.backend,
            "base_url": llm.base_url,
            "answers": served is not None,
            "served_models": served or [],
        }
    try:
        cfg = server_config(settings)
    except SafeCloudError as exc:
        return {"backend": llm.backend, "answers": False, "error": exc.message}
    report: dict[str, Any] = {
        "backend": llm.backend,
        "configured_size": llm.size,
        **status(cfg, timeout_s=1.0),
    }
    report["runtime_installed"] = importlib.util.find_spec("llama_cpp") is not None
    report["model_file_present"] = Path(report["model_path"]).is_file()
    if not report["answers"]:
        report["hint"] = "本地大模型服务未启动：运行 safecloud llm serve（或 make llm）"
    return report


@llm_app.command("serve")
def llm_serve(
    size: SizeOption = None,
    foreground: Annotated[
        bool, typer.Option("--foreground", help="在前台运行（systemd/容器），日志输出到终端")
    ] = False,
) -> None:
    """Assemble the bundled GGUF if needed and start the llama.cpp server (re-uses a healthy one)."""
    from agents.llm.gguf_assets import assemble_gguf
    from agents.llm.llama_server import run_foreground, start

    settings = Settings()
    if _external(settings):
        typer.echo(
            f"已配置外部模型服务（{settings.llm.backend} {settings.llm.base_url or ''}），无需启动本地服务"
        )
        return
    try:
        cfg = server_config(settings, size)
        began = time.monotonic()
        assemble_gguf(size or settings.llm.size, cfg.model_path.parent)
        assembled_s = time.monotonic() - began
        if foreground:
            run_foreground(cfg)
        base_url = start(cfg)
    except SafeCloudError as exc:
        _fail(exc)
    _echo_json(
        {
            "base_url": base_url,
            "model": cfg.alias,
            "model_path": str(cfg.model_path),
            "threads": cfg.threads,
            "context": cfg.context,
            "ready_after_s": round(time.monotonic() - began, 1),
            "model_check_s": round(assembled_s, 1),
            "log": str(cfg.log_path),
        }
    )


@llm_app.command("stop")
def llm_stop() -> None:
    """Stop the llama.cpp server started from this data directory."""
    from agents.llm.llama_server import stop

    try:
        stopped = stop(server_config(Settings()))
    except SafeCloudError as exc:
        _fail(exc)
    typer.echo("本地大模型服务已停止" if stopped else "本地大模型服务未在运行")


@llm_app.command("status")
def llm_status() -> None:
    """Whether the server runs and answers (exit code 1 when it does not answer)."""
    report = llm_report(Settings())
    _echo_json(report)
    if not report.get("answers"):
        raise typer.Exit(code=1)


@llm_app.command("requirements")
def llm_requirements(size: SizeOption = None) -> None:
    """Pinned part packages of a bundled model, one per line (install them with pip --no-deps)."""
    from agents.llm.gguf_assets import asset_for

    try:
        asset = asset_for(size or Settings().llm.size)
    except SafeCloudError as exc:
        _fail(exc)
    typer.echo("\n".join(asset.requirements()))


@models_app.command("list")
def models_list(as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False) -> None:
    """Bundled and registered models with their status (available / assembled / missing / corrupt)."""
    from agents.models.registry import list_models

    try:
        entries = list_models(Settings().models_dir)
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    if as_json:
        _echo_json([e.model_dump(mode="json") for e in entries])
        return
    typer.echo(f"{'名称':<34}{'类型':<10}{'状态':<11}{'大小':>7}  {'许可':<11}来源")
    for e in entries:
        size = f"{e.size_bytes / 2**20:.0f} MiB"
        typer.echo(
            f"{e.name:<36}{e.kind.value:<12}{e.status.value:<13}{size:>9}  {e.licence or '-':<13}{e.source}"
        )


@models_app.command("add")
def models_add(
    file: Annotated[Path, typer.Argument(help="模型文件（GGUF；嵌入模型也可为 ONNX）")],
    kind: Annotated[str, typer.Option("--kind", help="llm 或 embedder")],
    name: Annotated[str, typer.Option("--name", help="登记名称（小写字母、数字、. _ -）")],
    title: Annotated[str | None, typer.Option(help="显示名称")] = None,
    licence: Annotated[str | None, typer.Option("--licence", help="许可证，如 Apache-2.0")] = None,
    sha256: Annotated[str | None, typer.Option("--sha256", help="期望的 SHA-256，不符则拒绝")] = None,
) -> None:
    """Check a model file (format, truncation, hash) and register it."""
    from agents.models.registry import register_file

    try:
        entry = register_file(
            Settings().models_dir, file, kind, name, title=title, licence=licence, expected_sha256=sha256
        )
    except SafeCloudError as exc:
        _fail(exc)
    _echo_json(entry.model_dump(mode="json"))
