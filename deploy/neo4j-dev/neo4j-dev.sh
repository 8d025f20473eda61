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

# Bash-only "is anything listening" probe (no nc/python needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
    if [[ -n "${NEO4J_DEV_PORT:-}" ]]; then echo "$NEO4J_DEV_PORT"; return; fi
    local p i
    for i in $(seq 1 50); do
        p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        port_open "$p" || { echo "$p"; return; }
    done
    die "could not find a free port"
}

# Running and not a zombie (an exited launcher is reparented to init, which may reap it late).
alive() {
    local st
    st="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
    [[ -n "$st" && "$st" != Z* ]]
}

# Prints the PID if DATA_DIR has a live launcher, else nothing.
running_pid() {
    local pidfile="$1/neo4j.pid" pid
    [[ -f "$pidfile" ]] || return 0
    pid="$(cat "$pidfile")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && ps -o args= -p "$pid" 2>/dev/null | grep -q "$MAIN_CLASS"; then
        echo "$pid"
    fi
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
    port="$(pick_port)"
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
    local dir pid i
    dir="$(data_dir "${1:-}")"
    pid="$(running_pid "$dir")"
    if [[ -z "$pid" ]]; then
        rm -f "$dir/neo4j.pid" "$dir/bolt.uri"
        log "not running"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for (( i = 0; i < ${NEO4J_DEV_STOP_TIMEOUT:-30} * 5; i++ )); do
        alive "$pid" || break
        sleep 0.2
    done
    if alive "$pid"; then
        log "pid $pid did not exit in ${NEO4J_DEV_STOP_TIMEOUT:-30} s, killing"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/neo4j.pid" "$dir/bolt.uri"
    log "stopped"
}

cmd_status() {
    local dir pid
    dir="$(data_dir "${1:-}")"
    pid="$(running_pid "$dir")"
    [[ -n "$pid" && -f "$dir/bolt.uri" ]] || { log "not running"; return 1; }
    cat "$dir/bolt.uri"
}

main() {
    case "${1:-}" in
        build) cmd_build ;;
        start) cmd_start "${2:-}" ;;
        stop) cmd_stop "${2:-}" ;;
        status) cmd_status "${2:-}" ;;
        *) echo "usage: $0 {build|start|stop|status} [DATA_DIR]" >&2; exit 2 ;;
    esac
}

# One line, so that editing this file while an instance runs cannot affect that instance.
main "$@"; exit $?
