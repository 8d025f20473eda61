"""Start/stop a real Neo4j 5.26 dev server (deploy/neo4j-dev) for tests.

The server is an embedded Neo4j DBMS with Bolt on 127.0.0.1 (random port, no auth) and APOC Core,
built from Maven Central jars by ``deploy/neo4j-dev/neo4j-dev.sh``. Needs ``java`` (17/21) and
``mvn`` on PATH. Typical fixture::

    @pytest.fixture(scope="session")
    def neo4j_uri(tmp_path_factory):
        ok, why = neo4j_available()
        require(ok, why)  # tests/conftest.py: skip locally, fail under CI=true
        with running_neo4j(tmp_path_factory.mktemp("neo4j")) as uri:
            yield uri
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from tests.support.dev_server import DEPLOY, running, tail, tools_missing

SCRIPT = DEPLOY / "neo4j-dev" / "neo4j-dev.sh"


def neo4j_available() -> tuple[bool, str]:
    """Whether the dev server can be started here; the reason when it cannot."""
    why = tools_missing(SCRIPT, "Neo4j dev server")
    return (False, why) if why else (True, "java and mvn found")


def _logs(workdir: Path) -> str:
    return f"--- {workdir / 'neo4j.log'} ---\n{tail(workdir / 'neo4j.log')}"


def running_neo4j(workdir: Path) -> AbstractContextManager[str]:
    """Start Neo4j with its store and logs under ``workdir``; yield the bolt URI; stop it on exit."""
    return running(SCRIPT, workdir, parent_env="NEO4J_DEV_PARENT_PID", address_prefix="bolt://", logs=_logs)
