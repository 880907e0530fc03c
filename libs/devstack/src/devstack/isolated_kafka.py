"""A private Kafka broker for fault tests: its own ports and data dir, safe to stop and kill.

The shared broker on 19092 serves every engineer's tests at once, so a test that restarts a
broker must bring its own:

    broker = start_isolated("faults")      # KRaft broker on a free port pair, data in var/
    broker.stop(); broker.start()          # a clean restart, same data, same ports
    broker.kill(); broker.start()          # kill -9, then recovery from its log
    broker.destroy()                       # stop and delete its data
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from devstack import readiness
from devstack._paths import repo_root
from devstack._proc import DevstackError, read_pid, start_detached, stop_group, tail
from devstack.kafka_jars import ensure_jars
from devstack.kafka_local import SERVER_PROPERTIES, format_storage, java_command
from devstack.kafka_sasl import sasl_properties, scram_format_args, scram_properties
from devstack.kafka_tls import write_pki
from devstack.ports import free_port

_MAIN_CLASS = "kafka.Kafka"
START_TIMEOUT_SECONDS = 90


@dataclass
class IsolatedKafka:
    name: str
    port: int
    controller_port: int
    sasl_port: int | None = None  # with sasl_users: a SASL listener under ACLs
    sasl_users: dict[str, str] = field(default_factory=dict)
    tls: bool = False  # SASL_SSL with SCRAM-SHA-512 instead of SASL_PLAINTEXT with PLAIN
    super_users: list[str] = field(default_factory=list)  # SASL users above the ACLs

    @property
    def bootstrap(self) -> str:
        """The PLAINTEXT listener; with SASL on, its clients are super users."""
        return f"127.0.0.1:{self.port}"

    @property
    def sasl_bootstrap(self) -> str:
        if self.sasl_port is None:
            raise DevstackError(f"isolated kafka {self.name} has no SASL listener")
        return f"127.0.0.1:{self.sasl_port}"

    @property
    def ca_file(self) -> Path:
        """The CA that signed the SASL_SSL listener's certificate (for clients' ssl.cafile)."""
        return self.home / "tls" / "ca.pem"

    @property
    def home(self) -> Path:
        return repo_root() / "var" / "isolated" / f"kafka-{self.name}"

    @property
    def _config(self) -> Path:
        return self.home / "server.properties"

    @property
    def _pid_file(self) -> Path:
        return self.home / "kafka.pid"

    def is_running(self) -> bool:
        # The config path is unique to this broker, so it tells it apart from the shared one.
        return read_pid(self._pid_file, str(self._config)) is not None

    def start(self) -> None:
        """Start (formatting the storage the first time) and wait until it serves metadata."""
        if not self.is_running():
            classpath = ensure_jars()
            self.home.mkdir(parents=True, exist_ok=True)
            self._config.write_text(self._properties())
            if not (self.home / "data" / "meta.properties").exists():
                scram = scram_format_args(self.sasl_users) if self.tls else []
                format_storage(classpath, str(self._config), scram)
            args = java_command(
                classpath, _MAIN_CLASS, str(self._config), heap="-Xmx384m", logs=self.home
            )
            start_detached(args, self.home / "kafka.out", self._pid_file, cwd=self.home)
        self._wait_ready()

    def _properties(self) -> str:
        controller = f"127.0.0.1:{self.controller_port}"
        text = SERVER_PROPERTIES.format(
            bootstrap=self.bootstrap, controller=controller, data=self.home / "data"
        )
        if self.sasl_users and self.tls:
            if not self.ca_file.exists():
                write_pki(self.home / "tls")
            keystore = str(self.home / "tls" / "broker.pem")
            text += scram_properties(
                self.bootstrap, controller, self.sasl_bootstrap, keystore, self.super_users
            )
        elif self.sasl_users:
            text += sasl_properties(
                self.bootstrap, controller, self.sasl_bootstrap, self.sasl_users
            )
        return text

    def stop(self) -> None:
        """A clean shutdown (SIGTERM, SIGKILL after the grace period)."""
        stop_group(self._pid_file, str(self._config))

    def kill(self) -> None:
        """kill -9 of the broker: no controlled shutdown, no flush."""
        pid = read_pid(self._pid_file, str(self._config))
        if pid is not None:
            os.killpg(pid, signal.SIGKILL)
            stop_group(self._pid_file, str(self._config), grace_seconds=10)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if readiness.kafka_answers(self.bootstrap):
                return
            if not self.is_running() and not self._running_after_a_moment():
                raise DevstackError(f"isolated kafka {self.name} exited:\n{self._logs()}")
            time.sleep(0.5)
        raise DevstackError(f"isolated kafka {self.name} not ready:\n{self._logs()}")

    def _running_after_a_moment(self) -> bool:
        """A second look: while the java launcher re-executes itself, its command line can
        read empty for an instant, which looked like a broker that exited (CI, under load)."""
        time.sleep(1.0)
        return self.is_running()

    def _logs(self) -> str:
        return f"{tail(self.home / 'kafka.log')}\n--- stdout ---\n{tail(self.home / 'kafka.out')}"


def start_isolated(
    name: str,
    sasl_users: dict[str, str] | None = None,
    *,
    tls: bool = False,
    super_users: list[str] | None = None,
) -> IsolatedKafka:
    """A fresh broker named ``name`` ([a-z0-9-]), started and answering.

    ``sasl_users`` (user -> password) adds a SASL_PLAINTEXT (PLAIN) listener with the
    StandardAuthorizer: there a user may do only what ACLs grant it. With ``tls`` the
    listener is SASL_SSL with SCRAM-SHA-512 and a CA of its own (``ca_file``);
    ``super_users`` are above the ACLs (the services' own principals).
    """
    sasl_port = free_port() if sasl_users else None
    broker = IsolatedKafka(
        name, free_port(), free_port(), sasl_port, dict(sasl_users or {}), tls,
        list(super_users or []),
    )  # fmt: skip
    shutil.rmtree(broker.home, ignore_errors=True)  # leftovers of a crashed earlier run
    broker.start()
    return broker
