"""Runs Samspil services as real processes (uvicorn) against the real broker and databases."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from devstack.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
LOGS = ROOT / "var" / "log" / "tests"


@dataclass
class ServiceProcess:
    name: str
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return LOGS / f"{self.name}-{self.port}.log"

    def start(self, timeout: float = 60.0) -> ServiceProcess:
        LOGS.mkdir(parents=True, exist_ok=True)
        # SAMSPIL_ENV defaults to production: a test stack says test unless told otherwise.
        env = {"SAMSPIL_ENV": "test", **os.environ, **self.env}
        env |= {"PORT": str(self.port), "HOST": "127.0.0.1"}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", self.name],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                start_new_session=True,
            )
        try:
            self.wait_ready(timeout)
        except BaseException:
            self.kill()  # a process that never got ready must not outlive the test
            raise
        return self

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                why = f"{self.name} exited early ({self.process.returncode}): {self.cause()}"
                raise RuntimeError(f"{why}\n{self.tail()}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"{self.name} not ready in {timeout}s:\n{self.tail()}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def kill(self) -> None:
        """kill -9: no shutdown hooks, as in a crashed container."""
        self.stop(signal.SIGKILL)

    def cause(self) -> str:
        """The last line that names an error, first in a message (CI logs keep the head)."""
        if not self.log_path.exists():
            return "no log"
        lines = self.log_path.read_text(errors="replace").splitlines()
        named = [line for line in lines if "Error" in line or "Exception" in line]
        return named[-1][:2000] if named else "no error line in the log"

    def tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def wait_for(predicate, timeout: float = 60.0, interval: float = 0.2, what: str = "condition"):  # type: ignore[no-untyped-def]
    """Poll ``predicate`` until it returns something truthy; the value is returned."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}; last={last!r}")
