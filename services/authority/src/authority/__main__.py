"""``python -m authority [serve|migrate|republish ...|rebuild NAME... | rebuild --all]``."""

from __future__ import annotations

import asyncio
import sys

from eventkit import rebuild_main
from eventkit.republish import republish_main
from servicekit import db
from servicekit.serving import serve

from authority.bootstrap import SERVICE, AuthoritySettings, build, migrate, rebuilder


def main(argv: list[str]) -> None:
    settings = AuthoritySettings()
    command = argv[0] if argv else "serve"
    if command == "migrate":
        asyncio.run(migrate(settings))
        return
    if command == "republish":  # re-send outbox events (runbook: restore, Kafka lost records)
        raise SystemExit(republish_main(lambda: db.engine_for(settings.database_url), argv[1:]))
    if command == "rebuild":
        raise SystemExit(rebuild_main(lambda: rebuilder(settings), argv[1:]))
    if command != "serve":
        raise SystemExit(f"unknown command {command!r}: use serve, migrate, rebuild or republish")
    serve(SERVICE, build, settings)


if __name__ == "__main__":
    main(sys.argv[1:])
