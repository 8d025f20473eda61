# Shared by deploy/neo4j-dev/neo4j-dev.sh and deploy/kafka-dev/kafka-dev.sh (sourced, not run): free
# ports, liveness and stopping of a dev server whose PID and address files sit in its data dir.
# The sourcing script defines die() and log() with its own prefix first.

# Bash-only "is anything listening" probe (no nc/python needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {  # $1: a fixed port from the environment, if any; $2: a port that must not be chosen
    if [[ -n "${1:-}" ]]; then echo "$1"; return; fi
    local p i
    for i in $(seq 1 50); do
        p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        [[ "$p" == "${2:-}" ]] && continue
        port_open "$p" || { echo "$p"; return; }
    done
    die "could not find a free port"
}

# Running and not a zombie (an exited server is reparented to init, which may reap it late).
alive() {
    local st
    st="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
    [[ -n "$st" && "$st" != Z* ]]
}

# Prints the PID in PIDFILE if that process's command line holds PATTERN, else nothing. `ps -ww`:
# piped, ps cuts the command line at $COLUMNS (pytest sets 80), which hid the pattern and left a
# server running after `stop`.
pid_running() {  # $1 pid file, $2 pattern
    local pid
    [[ -f "$1" ]] || return 0
    pid="$(cat "$1")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && ps -ww -o args= -p "$pid" 2>/dev/null | grep -qF -- "$2"; then
        echo "$pid"
    fi
}

# SIGTERM, then SIGKILL after TIMEOUT seconds; removes the PID and address files either way.
stop_server() {  # $1 pid (may be empty), $2 timeout s, $3 pid file, $4 address file
    local pid="$1" i
    if [[ -z "$pid" ]]; then
        rm -f "$3" "$4"
        log "not running"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for (( i = 0; i < $2 * 5; i++ )); do
        alive "$pid" || break
        sleep 0.2
    done
    if alive "$pid"; then
        log "pid $pid did not exit in $2 s, killing"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$3" "$4"
    log "stopped"
}

server_status() {  # $1 pid (may be empty), $2 address file
    [[ -n "$1" && -f "$2" ]] || { log "not running"; return 1; }
    cat "$2"
}

dispatch() {  # build|start|stop|status [DATA_DIR] → cmd_*
    case "${1:-}" in
        build) cmd_build ;;
        start) cmd_start "${2:-}" ;;
        stop) cmd_stop "${2:-}" ;;
        status) cmd_status "${2:-}" ;;
        *) echo "usage: $0 {build|start|stop|status} [DATA_DIR]" >&2; exit 2 ;;
    esac
}
