"""``python -m scheduler [serve|migrate|republish ...|announce-open]``."""

from __future__ import annotations

import asyncio
import sys

from eventkit.republish import republish_main
from servicekit import db
from servicekit.serving import serve

from scheduler.bootstrap import SERVICE, SchedulerSettings, announce_open, build, migrate


def main(argv: list[str]) -> None:
    settings = SchedulerSettings()
    command = argv[0] if argv else "serve"
    if command == "migrate":
        asyncio.run(migrate(settings))
        return
    if command == "republish":  # re-send outbox events (runbook: restore, Kafka lost records)
        raise SystemExit(republish_main(lambda: db.engine_for(settings.database_url), argv[1:]))
    if command == "announce-open":  # once after the upgrade that announces every kind
        print(f"announced {asyncio.run(announce_open(settings))} open deadlines")
        return
    if command != "serve":
        raise SystemExit(
            f"unknown command {command!r}: use serve, migrate, republish or announce-open"
        )
    serve(SERVICE, build, settings)


if __name__ == "__main__":
    main(sys.argv[1:])
