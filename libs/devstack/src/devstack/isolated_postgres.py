"""A private PostgreSQL cluster for fault tests: its own port and data dir, safe to restart.

server = start_isolated("faults")      # initdb + start on a free port, data in var/
server.admin_url                       # superuser URL (database ``postgres``)
server.stop(); server.start()          # a clean restart
server.kill(); server.start()          # immediate shutdown (crash), then WAL recovery
server.destroy()                       # stop and delete the cluster
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from devstack._proc import DevstackError, tail
from devstack.ports import free_port
from devstack.postgres_local import PASSWORD, USER, _as_owner, _bin_dir, _own, server_home

_SETTINGS = """
# --- samspil devstack (isolated) ---
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{sockets}'
max_connections = 200
shared_buffers = 64MB
fsync = on
"""


@dataclass
class IsolatedPostgres:
    name: str
    port: int

    @property
    def admin_url(self) -> str:
        return f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{self.port}/postgres"

    @property
    def home(self) -> Path:
        return server_home() / "isolated" / f"pg-{self.name}"

    @property
    def _data(self) -> Path:
        return self.home / "data"

    @property
    def _log(self) -> Path:
        return self.home / "postgres.log"

    def start(self) -> None:
        if not (self._data / "PG_VERSION").exists():
            self._initdb()
        if not self.is_running():
            _own(self._log, touch=True)
            self._ctl("-l", str(self._log), "-w", "-t", "60", "start")

    def is_running(self) -> bool:
        if not (self._data / "PG_VERSION").exists():
            return False
        args = _as_owner([str(_bin_dir() / "pg_ctl"), "-D", str(self._data), "status"])
        return subprocess.run(args, capture_output=True, check=False).returncode == 0

    def stop(self) -> None:
        """A fast shutdown: open connections are cut, as in an orderly failover."""
        if self.is_running():
            self._ctl("-m", "fast", "-w", "stop")

    def kill(self) -> None:
        """An immediate shutdown: no checkpoint, recovery from WAL on the next start."""
        if self.is_running():
            self._ctl("-m", "immediate", "-w", "stop")

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def _initdb(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        _own(self.home)
        self.home.chmod(0o700)
        pwfile = self.home / "initdb.pw"
        pwfile.write_text(PASSWORD)
        _own(pwfile)
        sockets = self.home / "run"
        sockets.mkdir(exist_ok=True)
        _own(sockets)
        try:
            self._tool(
                "initdb", "-D", str(self._data), "-U", USER, f"--pwfile={pwfile}",
                "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8",
                "--locale=C.UTF-8",
            )  # fmt: skip
        finally:
            pwfile.unlink(missing_ok=True)
        with (self._data / "postgresql.conf").open("a") as conf:
            conf.write(_SETTINGS.format(port=self.port, sockets=sockets))

    def _ctl(self, *args: str) -> None:
        self._tool("pg_ctl", "-D", str(self._data), *args)

    def _tool(self, tool: str, *args: str) -> None:
        done = subprocess.run(
            _as_owner([str(_bin_dir() / tool), *args]), capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise DevstackError(f"{tool} failed:\n{done.stdout}\n{done.stderr}\n{tail(self._log)}")


def start_isolated(name: str) -> IsolatedPostgres:
    """A fresh cluster named ``name`` ([a-z0-9-]), started and accepting connections."""
    server = IsolatedPostgres(name, free_port())
    if server.is_running():
        server.kill()
    shutil.rmtree(server.home, ignore_errors=True)
    server.start()
    return server
