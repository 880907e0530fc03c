"""`python -m devstack up|down|status [kafka|postgres]`: the local infrastructure of `make run`.

`up` prints shell-sourceable settings (KAFKA_BOOTSTRAP_SERVERS=..., <SERVICE>_DATABASE_URL=...).
``SAMSPIL_DB_PREFIX`` puts a prefix on the service databases' names (a second stack, or a
benchmark, on the same cluster).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

from devstack import containers, stack
from devstack._proc import DevstackError
from devstack.databases import create_database


def up(only: str | None) -> int:
    before = containers.started()
    if only in (None, "kafka"):
        print(f"KAFKA_BOOTSTRAP_SERVERS={stack.ensure_kafka()}", flush=True)
    if only in (None, "postgres"):
        admin = stack.ensure_postgres()
        print(f"DATABASE_ADMIN_URL={admin}")
        prefix = os.environ.get("SAMSPIL_DB_PREFIX", "")
        for name in stack.SERVICE_DATABASES:
            url = create_database(admin, prefix + name)
            print(f"{name.upper()}_DATABASE_URL={url}", flush=True)
    if containers.started() != before:
        # Containers belong to this process (removed when it exits): hold on.
        print("containers run until this process is stopped (Ctrl-C)", file=sys.stderr)
        signals = {signal.SIGINT, signal.SIGTERM}
        signal.pthread_sigmask(signal.SIG_BLOCK, signals)
        signal.sigwait(signals)
        containers.stop()
    return 0


def down(only: str | None) -> int:
    stopped = stack.stop_all(only)
    print("stopped: " + (", ".join(stopped) or "nothing was running"))
    return 0


def status(only: str | None) -> int:
    for name, running in stack.status().items():
        if only in (None, name):
            print(f"{name}: {'running' if running else 'stopped'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack", description=__doc__)
    parser.add_argument("command", choices=["up", "down", "status"])
    parser.add_argument("only", nargs="?", choices=["kafka", "postgres"], help="default: both")
    args = parser.parse_args(argv)
    commands = {"up": up, "down": down, "status": status}
    try:
        return commands[args.command](args.only)
    except DevstackError as failed:  # a message for the user, not a traceback
        print(f"devstack: {failed}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
