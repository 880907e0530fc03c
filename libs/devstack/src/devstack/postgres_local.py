"""A PostgreSQL cluster owned by the project, from Debian's packages, on 127.0.0.1:15432.

PostgreSQL refuses to run as root, so root runs it as Debian's ``postgres`` user; that user
must reach the data directory. A checkout in a mode-700 home (root's own) is out of its
reach: the clusters then live in /var/lib/samspil-devstack/<checkout id>/ instead, with a
link from var/ (``server_home``).
"""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import subprocess
from functools import cache
from pathlib import Path

from devstack._paths import log_file, var_dir
from devstack._proc import DevstackError, apt_install, file_lock, tail
from devstack.ports import PortTaken, taken

PORT = 15432
USER = "samspil"
PASSWORD = "samspil"  # noqa: S105 - loopback-only development cluster
ADMIN_URL = f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{PORT}/postgres"

# Appended once, right after initdb. TCP only on loopback; the socket stays inside var/.
_SETTINGS = """
# --- samspil devstack ---
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{sockets}'
max_connections = 300
shared_buffers = 128MB
"""


OUTSIDE_HOMES = Path("/var/lib/samspil-devstack")


def home_for(var: Path) -> Path:
    """``var`` itself if the ``postgres`` user can enter it, else a directory outside homes."""
    if os.geteuid() != 0 or _postgres_can_enter(var):
        return var
    outside = OUTSIDE_HOMES / hashlib.sha256(str(var).encode()).hexdigest()[:12]
    outside.mkdir(parents=True, exist_ok=True)
    OUTSIDE_HOMES.chmod(0o755)
    outside.chmod(0o755)
    (outside / "checkout").write_text(f"{var}\n")  # whose clusters these are
    return outside


@cache
def server_home() -> Path:
    """Where this checkout's clusters live (see the module's docstring)."""
    var = var_dir()
    home = home_for(var)
    if home != var:
        link = var / "pg-home"
        if not link.is_symlink():
            link.symlink_to(home)
    return home


def _postgres_can_enter(path: Path) -> bool:
    done = subprocess.run(
        ["runuser", "-u", "postgres", "--", "test", "-x", str(path)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _log() -> Path:
    home = server_home()
    return log_file("postgres.log") if home == var_dir() else home / "postgres.log"


def ensure() -> str:
    """Create the cluster if needed and start it unless it runs; return the superuser URL."""
    with file_lock("postgres"):
        bin_dir = _bin_dir()
        data = _data_dir()
        if not (data / "PG_VERSION").exists():
            _initdb(bin_dir, data)
        if not is_running():
            if taken(PORT):
                raise PortTaken("PostgreSQL", PORT, f"DATABASE_ADMIN_URL={ADMIN_URL}")
            log = _log()
            _own(log, touch=True)
            _pg(bin_dir, "pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", "60", "start")
    return ADMIN_URL


def is_running() -> bool:
    data = server_home() / "pg"
    if not (data / "PG_VERSION").exists():
        return False
    done = subprocess.run(
        _as_owner([str(_bin_dir() / "pg_ctl"), "-D", str(data), "status"]),
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def stop() -> bool:
    with file_lock("postgres"):
        if not is_running():
            return False
        _pg(_bin_dir(), "pg_ctl", "-D", str(server_home() / "pg"), "-m", "fast", "-w", "stop")
        return True


def _bin_dir() -> Path:
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not found:
        apt_install("postgresql")
        found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not found:
        raise DevstackError("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)")
    # Newest major version wins, compared as numbers ("9" < "15").
    return Path(max(found, key=lambda p: int(Path(p).parts[4]))).parent


def _data_dir() -> Path:
    data = server_home() / "pg"
    data.mkdir(parents=True, exist_ok=True)
    _own(data)
    data.chmod(0o700)
    _sockets().mkdir(parents=True, exist_ok=True)
    _own(_sockets())
    return data


def _sockets() -> Path:
    return server_home() / "pg-run"


def _initdb(bin_dir: Path, data: Path) -> None:
    pwfile = _sockets() / "initdb.pw"
    pwfile.write_text(PASSWORD)
    _own(pwfile)
    try:
        _pg(
            bin_dir,
            "initdb",
            "-D",
            str(data),
            "-U",
            USER,
            f"--pwfile={pwfile}",
            "--auth-host=scram-sha-256",
            "--auth-local=peer",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
    finally:
        pwfile.unlink(missing_ok=True)
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(_SETTINGS.format(port=PORT, sockets=_sockets()))


def _pg(bin_dir: Path, tool: str, *args: str) -> None:
    done = subprocess.run(
        _as_owner([str(bin_dir / tool), *args]), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise DevstackError(f"{tool} failed:\n{done.stdout}\n{done.stderr}\n{tail(_log())}")


def _as_owner(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root, so root runs it as the Debian `postgres` user."""
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


def _own(path: Path, *, touch: bool = False) -> None:
    if touch:
        path.touch(exist_ok=True)
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(path, owner.pw_uid, owner.pw_gid)
