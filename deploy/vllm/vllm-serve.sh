#!/usr/bin/env bash
# Start SafeCloud's production chat model: vLLM's OpenAI-compatible server.
# Configure with environment variables (see vllm.env.example); systemd reads them from
# /etc/safecloud/vllm.env via safecloud-vllm.service. Extra arguments are passed to `vllm serve`.
set -euo pipefail

: "${VLLM_MODEL_DIR:?set VLLM_MODEL_DIR to the local model directory (weights are never downloaded)}"
VLLM_BIN="${VLLM_BIN:-vllm}"
VLLM_PYTHON="${VLLM_PYTHON:-python3}"
VLLM_HOST="${VLLM_HOST:-0.0.0.0}"
VLLM_PORT="${VLLM_PORT:-8000}"
VLLM_SERVED_MODEL_NAME="${VLLM_SERVED_MODEL_NAME:-$(basename "$VLLM_MODEL_DIR")}"
VLLM_MAX_MODEL_LEN="${VLLM_MAX_MODEL_LEN:-8192}"
VLLM_GPU_MEMORY_UTILIZATION="${VLLM_GPU_MEMORY_UTILIZATION:-0.90}"
VLLM_TENSOR_PARALLEL_SIZE="${VLLM_TENSOR_PARALLEL_SIZE:-1}"
VLLM_MAX_NUM_SEQS="${VLLM_MAX_NUM_SEQS:-64}"
VLLM_STRUCTURED_BACKEND="${VLLM_STRUCTURED_BACKEND:-auto}"  # auto | xgrammar | guidance | outlines

if [ ! -d "$VLLM_MODEL_DIR" ]; then
  echo "model directory not found: $VLLM_MODEL_DIR" >&2
  exit 1
fi

# Offline by construction: a missing file must fail, not trigger a download.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 VLLM_NO_USAGE_STATS=1 DO_NOT_TRACK=1

# Structured outputs are on by default; the flag only picks the grammar backend. vLLM 0.10.2
# replaced --guided-decoding-backend with --structured-outputs-config.
if "$VLLM_PYTHON" - <<'PY'
import sys
import vllm
from packaging.version import Version
sys.exit(0 if Version(vllm.__version__.split("+")[0]) >= Version("0.10.2") else 1)
PY
then
  structured=(--structured-outputs-config "{\"backend\": \"${VLLM_STRUCTURED_BACKEND}\"}")
else
  structured=(--guided-decoding-backend "${VLLM_STRUCTURED_BACKEND}")
fi

args=(
  serve "$VLLM_MODEL_DIR"
  --host "$VLLM_HOST"
  --port "$VLLM_PORT"
  --served-model-name "$VLLM_SERVED_MODEL_NAME"
  --max-model-len "$VLLM_MAX_MODEL_LEN"
  --gpu-memory-utilization "$VLLM_GPU_MEMORY_UTILIZATION"
  --tensor-parallel-size "$VLLM_TENSOR_PARALLEL_SIZE"
  --max-num-seqs "$VLLM_MAX_NUM_SEQS"
  "${structured[@]}"
)
if [ -n "${VLLM_API_KEY:-}" ]; then
  args+=(--api-key "$VLLM_API_KEY")  # protects /v1/*; SafeCloud sends it as SAFECLOUD_LLM__API_KEY
fi

exec "$VLLM_BIN" "${args[@]}" "$@"
