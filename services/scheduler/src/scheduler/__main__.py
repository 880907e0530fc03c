"""``python -m scheduler [serve|migrate]``."""

from __future__ import annotations

import asyncio
import sys

import uvicorn
from servicekit.app import uvicorn_options

from scheduler.bootstrap import SchedulerSettings, build, migrate


def main(argv: list[str]) -> None:
    settings = SchedulerSettings()
    command = argv[0] if argv else "serve"
    if command == "migrate":
        asyncio.run(migrate(settings))
        return
    if command != "serve":
        raise SystemExit(f"unknown command {command!r}: use serve or migrate")
    uvicorn.run(build(settings), **uvicorn_options(settings))


if __name__ == "__main__":
    main(sys.argv[1:])
