#!/usr/bin/env bash
# Build llama-cpp-python ONCE into a wheel cache and install it (with its [server] extras) into a venv.
#
#   deploy/llm/build-llama-cpp.sh .venv
#
# PyPI has only the sdist for CPython 3.11 on Linux, so the first run compiles llama.cpp with
# gcc + cmake (about 4 minutes on 2 cores). The wheel is kept in
# ${XDG_CACHE_HOME:-$HOME/.cache}/safecloud/wheels and re-used by every later venv; a venv that
# already has the right version returns in well under a second.
#
# CMAKE_ARGS="-DGGML_NATIVE=OFF": no -march=native, so the wheel runs on other x86-64 machines that
# have AVX2/FMA/F16C (ggml's default instruction set when native is off), not only on this CPU.
# Override with LLAMA_CPP_CMAKE_ARGS (e.g. to add -DGGML_AVX512=ON on a known fleet).
set -euo pipefail

VENV=${1:?usage: $0 VENV_DIR}
VERSION=${LLAMA_CPP_VERSION:-0.3.36}
CACHE=${SAFECLOUD_WHEEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/safecloud/wheels}
PY="$VENV/bin/python"

[ -x "$PY" ] || { echo "build-llama-cpp: no Python at $PY (create the venv first)" >&2; exit 2; }

installed() {
    "$PY" - "$VERSION" <<'EOF' 2>/dev/null
import importlib.metadata as md
import sys

if md.version("llama_cpp_python") != sys.argv[1]:
    sys.exit(1)
import llama_cpp  # noqa: F401  (loads libllama: proves the wheel works on this CPU)
import sse_starlette, starlette_context, uvicorn  # noqa: F401,E401  ([server] extras)
EOF
}

if installed; then
    echo "llama-cpp-python $VERSION already installed in $VENV"
    exit 0
fi

mkdir -p "$CACHE"
# One build at a time per cache (two `make` runs in parallel must not both compile).
exec 9>"$CACHE/.llama-cpp-build.lock"
flock 9

shopt -s nullglob
wheels=("$CACHE"/llama_cpp_python-"$VERSION"-*.whl)
if [ ${#wheels[@]} -eq 0 ]; then
    command -v cmake >/dev/null && command -v g++ >/dev/null || {
        echo "build-llama-cpp: need cmake and g++ (apt-get install cmake build-essential)" >&2
        exit 2
    }
    echo "building llama-cpp-python $VERSION wheel into $CACHE (one-off, a few minutes)…"
    start=$(date +%s)
    tmp=$(mktemp -d "$CACHE/.build.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    CMAKE_ARGS=${LLAMA_CPP_CMAKE_ARGS:--DGGML_NATIVE=OFF} \
    CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)} \
        "$PY" -m pip wheel -q --no-deps --no-binary llama-cpp-python \
        "llama-cpp-python==$VERSION" -w "$tmp"
    mv "$tmp"/llama_cpp_python-"$VERSION"-*.whl "$CACHE"/
    echo "built in $(( $(date +%s) - start )) s"
fi

# The wheel from the cache, its runtime and [server] dependencies from the index. Already-installed
# packages that satisfy the requirements (fastapi, uvicorn, pydantic-settings pinned by pyproject)
# are left alone.
"$PY" -m pip install -q --find-links "$CACHE" --only-binary llama-cpp-python \
    "llama-cpp-python[server]==$VERSION"

installed || { echo "build-llama-cpp: llama_cpp installed but does not import" >&2; exit 1; }
echo "llama-cpp-python $VERSION installed in $VENV"
