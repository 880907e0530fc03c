"""``python -m authority [serve|migrate|republish ...|rebuild NAME... | rebuild --all]``."""

from __future__ import annotations

import asyncio
import sys

import uvicorn
from eventkit import rebuild_main
from eventkit.republish import republish_main
from servicekit import db
from servicekit.settings import InsecureConfiguration

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
    try:
        app = build(settings)
    except InsecureConfiguration as refused:  # a clear message, not a traceback
        raise SystemExit(f"{SERVICE}: {refused}") from None
    uvicorn.run(app, host=settings.host, port=settings.port, log_config=None, access_log=False)


if __name__ == "__main__":
    main(sys.argv[1:])
