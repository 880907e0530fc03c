"""What a contract in force brings: the provider's delivery start, its monthly claims
(finance approves the older ones, the latest waits) and its concerns (underretninger)."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

from demodata.api import Api, Tenant, wait

MAX_CLAIMS = 6  # the latest months: enough for the dashboard's costs, quick to seed


def start(api: Api, tenant: Tenant, contract_id: str, on: date) -> None:
    api.provider(tenant, "POST", f"/contracts/{contract_id}/delivery/start", json={"on": str(on)})


def months(since: date, today: date) -> list[tuple[date, date]]:
    """Calendar months from ``since`` to the end of last month (the first one partial)."""
    periods, first = [], since
    while True:
        following = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        last = following - timedelta(days=1)
        if last >= today:
            return periods[-MAX_CLAIMS:]
        periods.append((first, last))
        first = following


def claims(api: Api, rng: random.Random, tenant: Tenant, contract_id: str, since: date) -> None:
    """A claim a month; finance approves all but the latest, which waits for approval."""
    made = []
    for first, last in months(since, date.today()):
        weeks = math.ceil(((last - first).days + 1) / 7)
        units = max(1, 6 * weeks - rng.randint(0, 4))  # within the scope of 6 hours a week
        line = {
            "description": "Støtte i hjemmet, timer",
            "units": units,
            "unit_price_oere": tenant.price,
        }
        number = f"F{first:%Y%m}-{rng.randint(100, 999)}"
        body = {
            "contract_id": contract_id,
            "claim_number": number,
            "period_start": str(first),
            "period_end": str(last),
            "lines": [line],
        }
        made.append(str(api.provider(tenant, "POST", "/claims", json=body)["claim_id"]))
    if len(made) < 2:
        return
    listed = f"/claims?contract_id={contract_id}"
    wait(lambda: len(api.as_("finn", "GET", listed)) == len(made), "the claims at the authority")
    for claim_id in made[:-1]:
        api.as_("finn", "POST", f"/claims/{claim_id}/approve", json={})


def over_scope(api: Api, tenant: Tenant, contract_id: str, since: date) -> None:
    """A claim for more hours than the contract's scope: finance sees the problem and
    rejects it (the provider may send a corrected one)."""
    last = since + timedelta(days=27)
    line = {"description": "Støtte i hjemmet, timer", "units": 60, "unit_price_oere": tenant.price}
    body = {
        "contract_id": contract_id,
        "claim_number": f"F{since:%Y%m}-X",
        "period_start": str(since),
        "period_end": str(last),
        "lines": [line],
    }
    claim_id = str(api.provider(tenant, "POST", "/claims", json=body)["claim_id"])

    def flagged() -> bool:
        rows = api.as_("finn", "GET", f"/claims?contract_id={contract_id}")
        return any(c["claim_id"] == claim_id and c["problems"] for c in rows)

    wait(flagged, "the claim's problems at the authority")
    why = {"reason": "Flere timer end kontraktens omfang på 6 timer om ugen"}
    api.as_("finn", "POST", f"/claims/{claim_id}/reject", json=why)


def concern(api: Api, tenant: Tenant, contract_id: str, acknowledged: bool) -> None:
    """The provider reports a concern about the child; case work acknowledges some."""
    body = {
        "contract_id": contract_id,
        "urgency": "high",
        "noticed_at": (datetime.now(UTC) - timedelta(days=2)).isoformat(),
        "details": "Barnet fortalte i går om voldsomme skænderier i hjemmet",
    }
    concern_id = str(api.provider(tenant, "POST", "/concerns", json=body)["concern_id"])
    if acknowledged:
        arrived = f"/concerns/{concern_id}/read"
        wait(lambda: _read(api, arrived), "the concern at the authority")
        api.cw("POST", f"/concerns/{concern_id}/acknowledge", json={})


def _read(api: Api, path: str) -> bool:
    response = api.a.post(
        path,
        json={"reason": "underretning modtaget"},
        headers={"Authorization": f"Bearer {api.tokens['karen']}"},
    )
    return response.status_code == 200
