"""A checkout in a mode-700 home (root's own): PostgreSQL's user cannot enter it, so the
clusters live outside homes, and `make run` works from there too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from devstack.postgres_local import OUTSIDE_HOMES, home_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(os.geteuid() != 0, reason="only root runs PostgreSQL as another user"),
]
REPO = Path(__file__).resolve().parents[3]
START_AND_QUERY = """
import asyncio, asyncpg
from devstack.isolated_postgres import start_isolated
server = start_isolated("home700")
try:
    async def ask():
        connection = await asyncpg.connect(server.admin_url)
        print(await connection.fetchval("select 41 + 1"), server.home)
        await connection.close()
    asyncio.run(ask())
finally:
    server.destroy()
"""


def private_checkout(tmp_path: Path) -> Path:
    home = tmp_path / "root-home"
    clone = home / "samspil"
    (clone / "deploy" / "kafka").mkdir(parents=True)
    shutil.copy(REPO / "deploy" / "kafka" / "pom.xml", clone / "deploy" / "kafka" / "pom.xml")
    home.chmod(0o700)
    return clone


def test_a_reachable_var_directory_is_used_as_it_is() -> None:
    # (pytest's own temporary directories are mode 700: this checkout's var/ is not)
    var = REPO / "var"

    assert home_for(var) == var


def test_a_cluster_starts_for_a_checkout_in_a_mode_700_home(tmp_path: Path) -> None:
    # Given a checkout inside a home directory only root may enter
    clone = private_checkout(tmp_path)

    # When devstack starts a PostgreSQL cluster for it and it is queried
    done = subprocess.run(
        [sys.executable, "-c", START_AND_QUERY],
        env={**os.environ, "SAMSPIL_ROOT": str(clone)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    # Then it answered, from a data directory outside the home
    assert done.returncode == 0, done.stderr[-3000:]
    answer, home = done.stdout.split()
    assert answer == "42"
    assert Path(home).is_relative_to(OUTSIDE_HOMES)
    outside = Path(home).parents[1]
    assert (clone / "var" / "pg-home").resolve() == outside
    shutil.rmtree(outside)  # the checkout is gone with tmp_path; so is its directory there
