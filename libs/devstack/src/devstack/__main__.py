"""`python -m devstack up|down|status`: the local infrastructure of `make run`."""

from __future__ import annotations

import argparse
import signal
import sys

from devstack import containers, stack
from devstack.databases import create_database


def up() -> int:
    """Print shell-sourceable settings once everything answers."""
    kafka = stack.ensure_kafka()
    admin = stack.ensure_postgres()
    print(f"KAFKA_BOOTSTRAP_SERVERS={kafka}")
    print(f"DATABASE_ADMIN_URL={admin}")
    for name in stack.SERVICE_DATABASES:
        print(f"{name.upper()}_DATABASE_URL={create_database(admin, name)}")
    sys.stdout.flush()
    if containers.started():
        # Containers belong to this process (the reaper removes them when it exits): hold on.
        print("containers run until this process is stopped (Ctrl-C)", file=sys.stderr)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
        containers.stop()
    return 0


def down() -> int:
    stopped = stack.stop_all()
    print("stopped: " + (", ".join(stopped) or "nothing was running"))
    return 0


def status() -> int:
    for name, running in stack.status().items():
        print(f"{name}: {'running' if running else 'stopped'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack", description=__doc__)
    parser.add_argument("command", choices=["up", "down", "status"])
    commands = {"up": up, "down": down, "status": status}
    return commands[parser.parse_args(argv).command]()


if __name__ == "__main__":
    sys.exit(main())
