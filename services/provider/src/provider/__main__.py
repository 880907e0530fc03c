"""``python -m provider [serve|migrate|rebuild NAME...]``."""

from __future__ import annotations

import asyncio
import sys

import uvicorn
from eventkit import rebuild_main
from servicekit.app import uvicorn_options

from provider.bootstrap import ProviderSettings, build, migrate, projection_runner


def main(argv: list[str]) -> None:
    settings = ProviderSettings()
    command = argv[0] if argv else "serve"
    if command == "migrate":
        asyncio.run(migrate(settings))
        return
    if command == "rebuild":
        raise SystemExit(rebuild_main(lambda: projection_runner(settings), argv[1:]))
    if command != "serve":
        raise SystemExit(f"unknown command {command!r}: use serve, migrate or rebuild")
    uvicorn.run(build(settings), **uvicorn_options(settings))


if __name__ == "__main__":
    main(sys.argv[1:])
