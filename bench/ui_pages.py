"""``uv run python -m bench.ui_pages [--cases 10000]``: render times of the caseworker UI's
list and dashboard pages with a large caseload, beside the same pages with 100 cases
measured in the same run (the baseline: a page whose cost grows with the caseload shows a
ratio far above 1). Pages go through the real app (FastAPI, SQL, Jinja) on PostgreSQL, over
ASGI without a socket. Wall time includes PostgreSQL; CPU time is this process's own work
(app and templates), which a loaded machine disturbs less. Prints figures; asserts nothing."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import time
from urllib.parse import quote

import httpx
from authority.bootstrap import AuthoritySettings, build, migrate
from rich.console import Console
from rich.table import Table
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from bench.infra import fresh_database
from bench.ui_seed import TEAMS, seed

PAGES = {
    "My work (caseworker)": ("sb-7", "caseworker", "/ui/"),
    "My work (team leader, whole unit)": ("tl-1", "team_leader", "/ui/?scope=all"),
    "Case list, last page": ("tl-1", "team_leader", "/ui/?scope=all&p={last}"),
    "Case search": ("tl-1", "team_leader", "/ui/?scope=all&q=a.b"),
    "Dashboard (unit, 1 year)": ("tl-1", "team_leader", "/ui/dashboard"),
    "Dashboard (team, 3 years)": (
        "tl-1",
        "team_leader",
        f"/ui/dashboard?start=2023-01-01&team={quote(TEAMS[1])}",
    ),
    "Providers": ("sb-7", "caseworker", "/ui/providers"),
}
REPEATS = 7


Timing = dict[str, list[tuple[float, float]]]


async def timings(cases: int) -> Timing:
    """(wall, CPU) seconds per render of each page, with ``cases`` cases seeded."""
    async with fresh_database("ui") as db:
        settings = AuthoritySettings(SAMSPIL_ENV="test", database_url=db.url, log_json=False)
        await migrate(settings)
        app = build(settings)
        await seed(app.state.services.kit.store.engine, cases)
        issuer = DevIssuer(DEV_JWT_SECRET)
        found: Timing = {}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for name, (user, role, path) in PAGES.items():
                client.cookies.set("samspil_session", issuer.issue(user, [role]))
                url = path.format(last=max(1, -(-cases // 20)))
                found[name] = []
                for _ in range(REPEATS):
                    started, cpu = time.perf_counter(), time.process_time()
                    response = await client.get(url)
                    found[name].append((time.perf_counter() - started, time.process_time() - cpu))
                    response.raise_for_status()
        await app.state.services.kit.store.engine.dispose()
        return found


def median(values: list[tuple[float, float]], which: int) -> float:
    return statistics.median(v[which] for v in values) * 1000


async def main(cases: int) -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    console = Console()
    console.print(f"seeding 100 and {cases} cases (direct inserts) and rendering each page ...")
    small = await timings(100)
    large = await timings(cases)
    table = Table(title=f"UI render times, ms, median of {REPEATS} (load {os.getloadavg()[0]:.1f})")
    columns = ("page", "wall 100", f"wall {cases}", "wall ratio", "CPU 100", f"CPU {cases}")
    for column in (*columns, "CPU ratio"):
        table.add_column(column, justify="left" if column == "page" else "right")
    for name in PAGES:
        wall = median(small[name], 0), median(large[name], 0)
        cpu = median(small[name], 1), median(large[name], 1)
        table.add_row(
            name,
            *(f"{wall[0]:.0f}", f"{wall[1]:.0f}", f"{wall[1] / wall[0]:.1f}x"),
            *(f"{cpu[0]:.0f}", f"{cpu[1]:.0f}", f"{cpu[1] / cpu[0]:.1f}x"),
        )
    console.print(table)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.ui_pages", description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    asyncio.run(main(parser.parse_args().cases))
