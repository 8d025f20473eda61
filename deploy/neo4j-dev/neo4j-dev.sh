#!/usr/bin/env bash
# Dev/test-only Neo4j 5.26 (embedded DBMS + Bolt, no auth) built from Maven Central jars.
#
#   neo4j-dev.sh build               compile launcher + copy jars to target/ (skipped if up to date)
#   neo4j-dev.sh start  [DATA_DIR]   start on a random free 127.0.0.1 port, print bolt://127.0.0.1:PORT
#   neo4j-dev.sh stop   [DATA_DIR]   SIGTERM, then SIGKILL after NEO4J_DEV_STOP_TIMEOUT (30) s
#   neo4j-dev.sh status [DATA_DIR]   print the URI if running (exit 0), else exit 1
#
# DATA_DIR defaults to deploy/neo4j-dev/target/data. It holds the store (data/), Neo4j logs (logs/),
# the launcher log (neo4j.log), neo4j.pid and bolt.uri.
# Env: NEO4J_DEV_PORT (fixed port), NEO4J_DEV_HEAP (default 1g), NEO4J_DEV_JAVA_OPTS (extra JVM
# options), NEO4J_DEV_START_TIMEOUT (default 120 s), NEO4J_DEV_STOP_TIMEOUT (default 30 s),
# NEO4J_DEV_PARENT_PID (server exits by itself when that process dies; set by the pytest helper).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="$HERE/target"
STAMP="$TARGET/.build-stamp"
MAIN_CLASS="dev.safecloud.neo4jdev.Launcher"

die() { echo "neo4j-dev: $*" >&2; exit 1; }
log() { echo "neo4j-dev: $*" >&2; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH ($2)"; }
# shellcheck source=../lib/dev-server.sh
source "$HERE/../lib/dev-server.sh"

data_dir() {
    local d="${1:-$TARGET/data}"
    mkdir -p "$d"
    (cd "$d" && pwd)
}

up_to_date() {
    [[ -f "$STAMP" && -f "$TARGET/classes/dev/safecloud/neo4jdev/Launcher.class" ]] || return 1
    compgen -G "$TARGET/lib/neo4j-5.26.*.jar" >/dev/null || return 1
    [[ -z "$(find "$HERE/pom.xml" "$HERE/src" -newer "$STAMP" -print -quit)" ]]
}

cmd_build() {
    mkdir -p "$TARGET"
    if up_to_date; then return 0; fi
    need mvn "install Maven 3.8+"
    need java "install a JDK 17 or 21"
    (   # serialize parallel builds (e.g. pytest-xdist workers); fd 9 is closed again after this
        if command -v flock >/dev/null 2>&1; then
            flock -w 900 9 || die "timed out waiting for another build (lock: $TARGET/.build.lock)"
        fi
        if up_to_date; then exit 0; fi
        log "building (first run downloads ~160 MB of jars into ~/.m2) ..."
        rm -rf "$TARGET/lib" "$TARGET/plugins" "$TARGET/classes"  # no stale jars after a version bump
        if ! mvn -q -B -f "$HERE/pom.xml" compile >"$TARGET/build.log" 2>&1; then
            tail -n 40 "$TARGET/build.log" >&2
            die "maven build failed (full log: $TARGET/build.log)"
        fi
        touch "$STAMP"
    ) 9>"$TARGET/.build.lock"
}

running_pid() {  # $1 data dir: the PID of its live server, else nothing
    pid_running "$1/neo4j.pid" "$MAIN_CLASS"
}

cmd_start() {
    local dir pid port logf uri i deadline
    dir="$(data_dir "${1:-}")"
    pid="$(running_pid "$dir")"
    if [[ -n "$pid" && -f "$dir/bolt.uri" ]]; then
        log "already running (pid $pid)"
        cat "$dir/bolt.uri"
        return 0
    fi
    need java "install a JDK 17 or 21"
    cmd_build
    rm -f "$dir/neo4j.pid" "$dir/bolt.uri"
    port="$(pick_port "${NEO4J_DEV_PORT:-}")"
    logf="$dir/neo4j.log"
    # shellcheck disable=SC2086  # NEO4J_DEV_JAVA_OPTS is a list of options
    nohup java -Xms256m "-Xmx${NEO4J_DEV_HEAP:-1g}" -XX:+ExitOnOutOfMemoryError \
        --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true \
        -Dfile.encoding=UTF-8 "-Dneo4jdev.plugins=$TARGET/plugins" \
        "-Dneo4jdev.parentPid=${NEO4J_DEV_PARENT_PID:-}" ${NEO4J_DEV_JAVA_OPTS:-} \
        -cp "$TARGET/classes:$TARGET/lib/*:$TARGET/plugins/*" "$MAIN_CLASS" "$dir" "$port" \
        >"$logf" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$dir/neo4j.pid"

    deadline=$(( SECONDS + ${NEO4J_DEV_START_TIMEOUT:-120} ))
    until grep -q '^READY ' "$logf" 2>/dev/null && port_open "$port"; do
        if ! alive "$pid"; then
            rm -f "$dir/neo4j.pid"
            tail -n 30 "$logf" >&2 || true
            die "Neo4j exited during startup (log: $logf)"
        fi
        if (( SECONDS >= deadline )); then
            tail -n 30 "$logf" >&2 || true
            cmd_stop "$dir" >&2 || true
            die "Neo4j did not answer on 127.0.0.1:$port within ${NEO4J_DEV_START_TIMEOUT:-120} s (log: $logf)"
        fi
        sleep 0.3
    done
    uri="bolt://127.0.0.1:$port"
    echo "$uri" >"$dir/bolt.uri"
    echo "$uri"
}

cmd_stop() {
    local dir
    dir="$(data_dir "${1:-}")"
    stop_server "$(running_pid "$dir")" "${NEO4J_DEV_STOP_TIMEOUT:-30}" "$dir/neo4j.pid" "$dir/bolt.uri"
}

cmd_status() {
    local dir
    dir="$(data_dir "${1:-}")"
    server_status "$(running_pid "$dir")" "$dir/bolt.uri"
}

main() { dispatch "$@"; }

# One line, so that editing this file while an instance runs cannot affect that instance.
main "$@"; exit $?
