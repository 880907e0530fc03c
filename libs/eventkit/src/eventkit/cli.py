"""A command services wire to ``ProjectionRunner.rebuild``: ``<svc> rebuild NAME [NAME...]``."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Sequence

from eventkit.projections import ProjectionRunner


def rebuild_main(build: Callable[[], ProjectionRunner], argv: Sequence[str] | None = None) -> int:
    """Parse projection names (or ``--all``) and rebuild them; a process exit code.

    ``build`` makes the runner (engine, store, projections) from the service's settings.
    """
    parser = argparse.ArgumentParser(description="Rebuild read models from the event store.")
    parser.add_argument("names", nargs="*", help="projections to rebuild")
    parser.add_argument("--all", action="store_true", help="rebuild every projection")
    args = parser.parse_args(argv)
    runner = build()
    names = list(runner.projections) if args.all else list(args.names)
    unknown = sorted(set(names) - set(runner.projections))
    if unknown or not names:
        known = ", ".join(sorted(runner.projections))
        parser.error(f"unknown or no projection {unknown}; known: {known}")
    asyncio.run(_rebuild(runner, names))
    return 0


async def _rebuild(runner: ProjectionRunner, names: Sequence[str]) -> None:
    try:
        for name in names:
            applied = await runner.rebuild(name)
            print(f"rebuilt {name}: {applied} events")
    finally:
        await runner.store.engine.dispose()
