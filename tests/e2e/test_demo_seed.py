"""`make run`'s demo data, seeded through the public APIs of running services.

The seed is the first thing a new user sees; an API rule it does not follow (a required field
added to a decision, say) stops `make run` with a traceback. It runs here as `make run` runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import Stack
from tests.e2e.flows import ok

pytestmark = pytest.mark.e2e
SEED = Path(__file__).resolve().parents[2] / "deploy" / "demo" / "seed.py"


def test_the_demo_data_seeds_cases_at_every_stage(stack: Stack, tmp_path: Path) -> None:
    # Given running services
    # When the demo seed runs against them, as `make run` runs it (five cases: every stage)
    done = subprocess.run(
        [sys.executable, str(SEED), "--authority", stack.url("authority"),
         "--provider", stack.url("provider"), "--cases", "5"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip

    # Then it finishes, and hands out the providers' API keys
    assert done.returncode == 0, done.stderr[-2000:]
    tenants = json.loads((tmp_path / "var" / "demo-credentials.json").read_text())
    assert len(tenants) == 3
    assert all(t["api_key"].startswith("spk_") for t in tenants)
    # and the providers' inboxes hold the orders it placed
    with stack.client("provider", "ops", user="ops-1") as ops:
        inboxes = [ok(ops.get("/orders", headers={"X-Api-Key": t["api_key"]})) for t in tenants]
    assert sum(len(i if isinstance(i, list) else i["items"]) for i in inboxes) >= 2
