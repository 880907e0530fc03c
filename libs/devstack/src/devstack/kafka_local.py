"""Kafka 4 in KRaft mode as a local process: one combined broker+controller on 127.0.0.1."""

from __future__ import annotations

import base64
import subprocess
import sys
import time
import uuid
from pathlib import Path

from devstack import readiness
from devstack._paths import deploy_file, log_file, var_dir
from devstack._proc import DevstackError, file_lock, read_pid, start_detached, stop_group, tail
from devstack.kafka_jars import ensure_jars
from devstack.ports import PortTaken, taken
from devstack.topic_pruning import prune

BOOTSTRAP = "127.0.0.1:19092"
CONTROLLER = "127.0.0.1:19093"
START_TIMEOUT_SECONDS = 90
_MAIN_CLASS = "kafka.Kafka"

# Single node: every internal topic has replication factor 1 and topics are created explicitly.
# A template (also used by devstack.isolated_kafka for brokers on other ports).
SERVER_PROPERTIES = """\
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers={controller}
listeners=PLAINTEXT://{bootstrap},CONTROLLER://{controller}
advertised.listeners=PLAINTEXT://{bootstrap}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs={data}
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
"""


def is_running() -> bool:
    return read_pid(var_dir("kafka") / "kafka.pid", _MAIN_CLASS) is not None


def ensure() -> str:
    """Start the broker unless it already runs; return its bootstrap servers when it answers."""
    with file_lock("kafka"):
        if not is_running():
            for address in (BOOTSTRAP, CONTROLLER):
                if taken(port := int(address.rsplit(":", 1)[1])):
                    raise PortTaken("Kafka", port, f"KAFKA_BOOTSTRAP_SERVERS={BOOTSTRAP}")
            _start(ensure_jars())
            _wait_ready()
            # Nothing can be using a broker we just started: the time to clear old test topics.
            pruned = prune(BOOTSTRAP, var_dir("kafka", "data"))
            if pruned:
                print(f"devstack: deleted {pruned} stale test topics", file=sys.stderr)
        _wait_ready()
    return BOOTSTRAP


def stop() -> bool:
    with file_lock("kafka"):
        return stop_group(var_dir("kafka") / "kafka.pid", _MAIN_CLASS)


def java_command(
    classpath: str, main: str, *args: str, heap: str = "-Xmx128m", logs: Path | None = None
) -> list[str]:
    log4j = deploy_file("kafka", "log4j2.properties")
    logs = logs or log_file("kafka.log").parent
    return [
        "java",
        heap,
        "-cp",
        classpath,
        f"-Dlog4j2.configurationFile={log4j}",
        f"-Dkafka.logs.dir={logs}",
        main,
        *args,
    ]


def _start(classpath: str) -> None:
    home = var_dir("kafka")
    config = home / "server.properties"
    config.write_text(
        SERVER_PROPERTIES.format(
            bootstrap=BOOTSTRAP, controller=CONTROLLER, data=var_dir("kafka", "data")
        )
    )
    if not (home / "data" / "meta.properties").exists():
        format_storage(classpath, str(config))
    # 1 GiB: the shared development broker holds every test run's topics (thousands); at
    # 512 MiB its metadata image ran out of heap and the broker died.
    args = java_command(
        classpath, _MAIN_CLASS, str(config), heap="-Xmx1536m"
    )  # thousands of test topics
    start_detached(args, log_file("kafka.out"), home / "kafka.pid", cwd=home)


def cluster_id() -> str:
    """A random KRaft cluster id. Like Kafka's ``Uuid.randomUuid``, never one starting with
    '-': the storage tool's parser would take it for an option (1 in 64 ids)."""
    while True:
        candidate = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not candidate.startswith("-"):
            return candidate


def format_storage(classpath: str, config: str, extra: list[str] | None = None) -> None:
    args = ["format", "--standalone", "--cluster-id", cluster_id(), "--config", config]
    args += extra or []
    done = subprocess.run(
        java_command(classpath, "kafka.tools.StorageTool", *args),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise DevstackError(f"kafka storage format failed:\n{done.stdout}\n{done.stderr}")


def _wait_ready() -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if readiness.kafka_answers(BOOTSTRAP):
            return
        if not is_running():
            time.sleep(1.0)  # a second look: the java launcher's re-exec can read as exited
            if not is_running():
                raise DevstackError(f"kafka exited during start:\n{_logs()}")
        time.sleep(0.5)
    raise DevstackError(f"kafka not ready after {START_TIMEOUT_SECONDS}s:\n{_logs()}")


def _logs() -> str:
    return f"{tail(log_file('kafka.log'))}\n--- stdout ---\n{tail(log_file('kafka.out'), 15)}"
