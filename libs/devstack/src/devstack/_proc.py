"""Small process helpers shared by the local Kafka and PostgreSQL starters."""

from __future__ import annotations

import asyncio
import fcntl
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from devstack._paths import var_dir

T = TypeVar("T")


class DevstackError(RuntimeError):
    """Infrastructure could not be started; the message says what and shows the log tail."""


@contextmanager
def file_lock(name: str) -> Iterator[None]:
    """Serialise starters across processes: several test runs may share one checkout."""
    with (var_dir("locks") / f"{name}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_sync(factory: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion even when the caller already sits inside an event loop.

    Fixtures and the CLI are synchronous, but may be called from async tests; a private loop in a
    worker thread works in both cases.
    """

    async def main() -> T:
        return await factory()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


def tail(path: Path, lines: int = 40) -> str:
    if not path.exists():
        return f"(no log at {path})"
    text = path.read_text(errors="replace").splitlines()
    return "\n".join(text[-lines:])


def read_pid(pid_file: Path, marker: str) -> int | None:
    """The pid in `pid_file` if that process is alive and its command line contains `marker`.

    The marker guards against a stale pid file whose number now belongs to another process.
    """
    try:
        pid = int(pid_file.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    return pid if marker.encode() in cmdline else None


def start_detached(args: list[str], log: Path, pid_file: Path, cwd: Path) -> int:
    """Start a long-lived process in its own session so it outlives the caller (and Ctrl-C)."""
    with log.open("ab") as out:
        proc = subprocess.Popen(
            args,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    pid_file.write_text(str(proc.pid))
    return proc.pid


def stop_group(pid_file: Path, marker: str, grace_seconds: float = 30) -> bool:
    """SIGTERM the process group, escalate to SIGKILL after the grace period. True if it ran."""
    pid = read_pid(pid_file, marker)
    if pid is None:
        pid_file.unlink(missing_ok=True)
        return False
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_seconds
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.2)
    if _alive(pid):
        os.killpg(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    return True


def _alive(pid: int) -> bool:
    # Reap it if it is our child, so a zombie does not look alive.
    with suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def apt_install(*packages: str) -> None:
    """Install Debian packages; only possible as root, so otherwise explain what is missing."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise DevstackError(f"missing {' '.join(packages)}: install them (apt-get install ...)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, capture_output=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", *packages], check=True, env=env, capture_output=True
    )
