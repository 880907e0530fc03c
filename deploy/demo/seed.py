"""Demo data for a running stack: a municipality's last 18 months, through public APIs.

    uv run python deploy/demo/seed.py --cases 40

Providers join, publish their offers and sign framework contracts (rammekontrakter); cases
are dealt out over every stage from an underretning to a measure ended, with individual
contracts signed by both sides, follow-ups held on time and late, status reports, claims
and concerns (``demodata/stages.py``). Everything goes through the services' public APIs, as
a caseworker, a team leader, finance, a school and the providers' own systems would send it
(the providers countersign and report with their API keys; the authority hears of it over
Kafka): nothing is written to a database directly. Time is not moved: contracts start
months back, so the scheduler fires their past follow-ups at once, and today stays today.
Names and CPR numbers are invented. Provider API keys are written to
``var/demo-credentials.json`` so you can try the provider API yourself.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from rich.progress import Progress

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demodata.api import Api, Tenant
from demodata.coordinator import coordinator
from demodata.providers import join
from demodata.stages import STAGES

WORKERS = 6  # cases in flight at once: most of a case's time is waiting for Kafka


def seed_case(api: Api, seed: int, i: int, tenants: list[Tenant]) -> None:
    _, stage = STAGES[i % len(STAGES)]
    stage(api, random.Random(seed * 1000 + i), tenants[i % len(tenants)])


def already_seeded(api: Api, credentials: Path) -> bool:
    """A second ``make run`` on the same data: the demo providers' keys still open their
    inboxes, so seeding again would only add four more providers of the same names."""
    if not credentials.exists():
        return False
    keys = [entry["api_key"] for entry in json.loads(credentials.read_text())]
    return bool(keys) and all(
        api.p.get("/orders", headers={"X-Api-Key": key}).status_code == 200 for key in keys
    )


def main() -> None:
    args = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    args.add_argument("--authority", default="http://127.0.0.1:8001")
    args.add_argument("--provider", default="http://127.0.0.1:8002")
    args.add_argument("--cases", type=int, default=40)
    args.add_argument("--seed", type=int, default=2026)
    opts = args.parse_args()
    began = time.monotonic()
    api = Api(opts.authority, opts.provider)
    out = Path("var/demo-credentials.json")
    if already_seeded(api, out):
        print(f"demo data already there (the providers' keys in {out} work): not seeded again")
        return
    tenants = join(api)
    with Progress() as progress, ThreadPoolExecutor(WORKERS) as pool:
        task = progress.add_task("demo cases", total=opts.cases + 1)
        jobs = [pool.submit(seed_case, api, opts.seed, i, tenants) for i in range(opts.cases)]
        jobs.append(pool.submit(coordinator, api, random.Random(opts.seed)))
        try:
            for job in as_completed(jobs):
                job.result()  # the first failure stops the seed, with its traceback
                progress.advance(task)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # no new cases after a failure
            raise
    out.parent.mkdir(parents=True, exist_ok=True)
    credentials = [
        {"name": t.name, "tenant_id": t.tenant_id, "api_key": t.api_key} for t in tenants
    ]
    out.write_text(json.dumps(credentials, indent=2))
    print(
        f"{len(tenants)} providers with framework contracts, {opts.cases} cases over "
        f"{len(STAGES)} stages and a family coordinator in {time.monotonic() - began:.0f} s; "
        f"provider API keys in {out}"
    )


if __name__ == "__main__":
    main()
