"""A private PostgreSQL cluster for tests: ``postgres_url`` (session scope).

The cluster lives in a temp dir, listens on 127.0.0.1 on a free port, trusts local connections and
is stopped and removed at the end of the session. ``initdb``/``postgres`` refuse to run as root, so
under root they run as the ``postgres`` system user via ``runuser``. Tests using it are skipped
when no server binaries are found (``/usr/lib/postgresql/*/bin`` or PATH). Set
``CASEREVIEW_TEST_DATABASE_URL`` to test against an existing server instead.

Use it from a test module with ``from pg import postgres_url``, or from a conftest with
``pytest_plugins = ["pg"]``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from casereview.db import Database, open_database

USER = "casereview"
DATABASE = "casereview_test"


def find_bin_dir() -> Path | None:
    """The newest installed server's bin dir (Debian keeps them per major version)."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for bin_dir in candidates:
        if (bin_dir / "initdb").exists() and (bin_dir / "pg_ctl").exists():
            return bin_dir
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Cluster:
    def __init__(self, bin_dir: Path, base: Path) -> None:
        self.bin_dir = bin_dir
        self.base = base
        self.data = base / "data"
        self.log = base / "server.log"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")  # KeyError when absent: caller skips
            os.chown(base, owner.pw_uid, owner.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.prefix, str(self.bin_dir / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed ({result.returncode}): {result.stderr}\n{log}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", USER, "-A", "trust", "-E", "UTF8")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} "
            # Throw-away data: durability off makes the tests faster.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"


def _admin(url: str, sql: str) -> None:
    import psycopg

    conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(sql.encode())


def create_database(url: str, name: str) -> str:
    """Create database ``name`` on the server of ``url``; return its URL."""
    _admin(url, f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    return url.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str, name: str) -> None:
    _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of an empty database ``casereview_test`` on a private server (SQLAlchemy form)."""
    external = os.environ.get("CASEREVIEW_TEST_DATABASE_URL")
    if external:
        yield external
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin or on PATH")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
    # Not pytest's tmp_path: that is private to root and the server runs as 'postgres'.
    base = Path(tempfile.mkdtemp(prefix="casereview-pg-"))
    cluster = Cluster(bin_dir, base)
    try:
        cluster.start()
        try:
            yield create_database(cluster.url("postgres"), DATABASE)
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_url: str) -> Iterator[str]:
    """A fresh, empty database per test on the shared server."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = create_database(postgres_url, name)
    try:
        yield url
    finally:
        drop_database(postgres_url, name)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """A fresh, migrated database per test on the shared server."""
    with open_database(pg_url) as database:
        yield database
