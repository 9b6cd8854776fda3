"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp dir, start it,
stop and remove it at the end (also when the run fails or is interrupted).

The server listens on a unix socket in that temp dir (and, when asked, on a free loopback
port). As root, initdb and the server run as the `postgres` OS user (`runuser`), which the
Debian package creates; PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])
    for candidate in reversed(found):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


OWNER_FILE = "owner.pid"


def remove_stale(bin_dir: Path) -> None:
    """Stop and remove clusters left by a run that was killed before it could clean up (its
    owner process is gone), so a SIGKILLed test run leaves nothing running for long."""
    for found in Path(tempfile.gettempdir()).glob("rusmatrise-pg-*"):
        try:
            owner = int((found / OWNER_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        try:
            os.kill(owner, 0)
            continue  # still running: not ours to touch
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            subprocess.run([*runner, str(bin_dir / "pg_ctl"), "-D", str(found / "data"), "-m", "immediate", "stop"],
                           capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(found, ignore_errors=True)


class Cluster:
    """One running cluster. `url(db)` connects as the superuser over the unix socket."""

    def __init__(self, tcp: bool = False) -> None:
        binaries = pg_bin()
        if binaries is None:
            raise RuntimeError("PostgreSQL is not installed (scripts/system-deps.sh installs it)")
        self.bin = binaries
        remove_stale(binaries)
        self.dir = Path(tempfile.mkdtemp(prefix="rusmatrise-pg-"))
        (self.dir / OWNER_FILE).write_text(str(os.getpid()), encoding="utf-8")
        self.data = self.dir / "data"
        self.port = _free_port()
        self.tcp = tcp
        self.superuser = "postgres"
        self._as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        else:
            import getpass

            self.superuser = getpass.getuser()
        os.chmod(self.dir, 0o755)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.superuser, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self._started = False
        atexit.register(self.remove)
        self.start()

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self._as, str(self.bin / tool), *args], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        listen = "127.0.0.1" if self.tcp else "''"
        options = (
            f"-k {self.dir} -p {self.port} -c listen_addresses={listen} -c fsync=off -c full_page_writes=off"
            " -c max_connections=200 -c shared_buffers=64MB"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "-t", "60", "start")
        self._started = True

    def stop(self, mode: str = "fast") -> None:
        if self._started:
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")
            self._started = False

    def restart(self) -> None:
        self.stop("fast")
        self.start()

    def remove(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, db: str = "postgres", user: str | None = None, password: str | None = None) -> str:
        who = user or self.superuser
        if password:
            who += f":{password}"
        if self.tcp and user is not None:
            return f"postgresql://{who}@127.0.0.1:{self.port}/{db}"
        return f"postgresql://{who}@/{db}?host={self.dir}&port={self.port}"

    def tcp_url(self, db: str, user: str | None = None, password: str | None = None) -> str:
        who = (user or self.superuser) + (f":{password}" if password else "")
        return f"postgresql://{who}@127.0.0.1:{self.port}/{db}"

    def new_database(self) -> str:
        """A fresh, empty database; returns its name."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def sql(self, db: str, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Run one statement as the superuser; the rows it returns (if any)."""
        import psycopg

        with psycopg.connect(self.url(db), autocommit=True) as conn:
            cur = conn.execute(statement, params or None)
            return list(cur.fetchall()) if cur.description else []
