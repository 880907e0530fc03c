"""Demo data for a running stack: provider organisations and invented cases at every stage.

    uv run python deploy/demo/seed.py --cases 40

Everything goes through the services' public APIs, as a caseworker, a team leader and the
providers' own systems would send it: nothing is written to a database directly. Names and
CPR numbers are invented (valid dates, no real persons). Provider API keys are written to
``var/demo-credentials.json`` so you can try the provider API yourself.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from rich.progress import Progress

FIRST = ["Emil", "Freja", "Noah", "Ida", "Oscar", "Alma", "William", "Ella", "Karl", "Clara"]
LAST = ["Hansen", "Nielsen", "Jensen", "Pedersen", "Andersen", "Christensen", "Larsen"]
PROVIDERS = [
    ("Familiehuset Nord", "municipal"),
    ("Støttecentret Syd", "private"),
    ("Ungdomsrådgivningen Øst", "voluntary"),
]
GOALS = [
    ("school", "Møder i skole hver dag"),
    ("family_relations", "Faste rutiner i hjemmet"),
    ("health", "Går til tandlæge og læge som aftalt"),
]

# Who consents to a decision (barnets lov § 32, stk. 2): every custody holder.
CONSENTING = {"joint": ["mother", "father"], "mother": ["mother"], "father": ["father"]}


def cpr(rng: random.Random, born: date) -> str:
    """An invented CPR number with a real birth date (the serial is random)."""
    return f"{born:%d%m%y}{rng.randint(4000, 4999):04d}"


def person(rng: random.Random, born: date) -> dict[str, str]:
    return {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "cpr": cpr(rng, born)}


class Demo:
    def __init__(self, authority: str, provider: str) -> None:
        self.a = httpx.Client(base_url=authority, timeout=20)
        self.p = httpx.Client(base_url=provider, timeout=20)
        self.tokens: dict[str, str] = {}

    def auth(self, user: str, role: str) -> dict[str, str]:
        if user not in self.tokens:
            body = {"user_id": user, "roles": [role]}
            self.tokens[user] = self.a.post("/dev/token", json=body).json()["access_token"]
        return {"Authorization": f"Bearer {self.tokens[user]}"}

    def call(self, client: httpx.Client, method: str, url: str, **kw: Any) -> Any:
        response = client.request(method, url, **kw)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} {url}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else None

    def tenants(self) -> list[dict[str, str]]:
        ops = self.auth("ops-demo", "ops")
        made = []
        for name, kind in PROVIDERS:
            t = self.call(
                self.p, "POST", "/admin/tenants", headers=ops, json={"name": name, "kind": kind}
            )
            made.append({"name": name, "tenant_id": t["tenant_id"], "api_key": t["api_key"]})
        return made

    def case(self, rng: random.Random, stage: int, tenant: dict[str, str]) -> None:
        cw, tl = self.auth("karen", "caseworker"), self.auth("lars", "team_leader")
        born = date(2010, 1, 1) + timedelta(days=rng.randint(0, 4000))
        body = {
            "child": person(rng, born),
            "parents": [person(rng, date(1985, 5, 17))],
            "custody": {"kind": rng.choice(["joint", "mother", "father"])},
            "contact_person": "Karen Jensen, socialrådgiver",
        }
        if body["custody"]["kind"] == "joint":
            body["parents"].append(person(rng, date(1983, 9, 2)))
        case_id = self.call(self.a, "POST", "/cases", headers=cw, json=body)["case_id"]
        if stage < 1:
            return
        self.call(self.a, "POST", f"/cases/{case_id}/investigation/start", headers=cw)
        if stage < 2:
            return
        self.call(
            self.a,
            "POST",
            f"/cases/{case_id}/investigation/conclude",
            headers=cw,
            json={"summary": "Familien har brug for støtte til struktur i hverdagen"},
        )
        decision = self.call(
            self.a,
            "POST",
            f"/cases/{case_id}/decisions",
            headers=cw,
            json={
                "measure": "sel_52_3_2",
                "assessment": "Konkret, individuel vurdering",
                "purpose": "Faste rammer i hverdagen",
                "expected_duration_months": 6,
                "consent": {  # barnets lov § 32, stk. 2: every custody holder
                    "given_by": CONSENTING[body["custody"]["kind"]],
                    "given_on": str(date.today() - timedelta(days=1)),
                },
                "plan_made": True,  # barnets lov § 91: the plan within 3 months
            },
        )
        self.call(
            self.a,
            "POST",
            f"/cases/{case_id}/decisions/{decision['decision_id']}/approve",
            headers=tl,
        )
        goals = [{"area": a, "text": t} for a, t in rng.sample(GOALS, 2)]
        self.call(
            self.a,
            "POST",
            f"/cases/{case_id}/action-plans",
            headers=cw,
            json={"goals": goals, "participants": ["child", "mother"]},  # § 92
        )
        if stage < 3:
            return
        order = self.call(
            self.a,
            "POST",
            "/orders",
            headers=cw,
            json={
                "case_id": case_id,
                "decision_id": decision["decision_id"],
                "provider_id": tenant["tenant_id"],
                "scope": {"hours": 6, "per": "week"},
                "frequency": {"times": 2, "per": "week"},
                "start": str(date.today() + timedelta(days=14)),
                "expected_duration_months": 12,
            },
        )
        if stage < 4:
            return
        self.answer(tenant, order["order_id"], accept=rng.random() < 0.8)

    def coordinator(self, rng: random.Random) -> None:
        """One family with a family coordinator (seed 002): decided with consent, the start
        meeting and a contact held today; the scheduler sets the follow-ups and contacts."""
        cw, tl = self.auth("karen", "caseworker"), self.auth("lars", "team_leader")
        body = {
            "child": person(rng, date(2014, 3, 9)),
            "parents": [person(rng, date(1986, 2, 11))],
            "custody": {"kind": "mother"},
            "contact_person": "Karen Jensen, socialrådgiver",
        }
        case_id = self.call(self.a, "POST", "/cases", headers=cw, json=body)["case_id"]
        self.call(self.a, "POST", f"/cases/{case_id}/investigation/start", headers=cw)
        summary = {"summary": "Mange fagpersoner omkring familien og intet samlet overblik"}
        self.call(
            self.a, "POST", f"/cases/{case_id}/investigation/conclude", headers=cw, json=summary
        )
        decision = {
            "measure": "family_coordinator",
            "assessment": "Konkret, individuel vurdering: familien har brug for én koordinator",
            "purpose": "En sammenhængende indsats på tværs af forvaltninger",
            "expected_duration_months": 12,
            "consent": {"given_by": ["mother"], "given_on": str(date.today() - timedelta(days=1))},
            "plan_made": False,
        }
        d = self.call(self.a, "POST", f"/cases/{case_id}/decisions", headers=cw, json=decision)
        path = f"/cases/{case_id}/decisions/{d['decision_id']}"
        self.call(self.a, "POST", f"{path}/approve", headers=tl)
        today = str(date.today())
        meeting = {"meeting": "start", "held_on": today}
        self.call(self.a, "POST", f"{path}/coordination/meetings", headers=cw, json=meeting)
        contact = {"contacted_on": today}
        self.call(self.a, "POST", f"{path}/coordination/contacts", headers=cw, json=contact)

    def answer(self, tenant: dict[str, str], order_id: str, accept: bool) -> None:
        key = {"X-Api-Key": tenant["api_key"]}
        for _ in range(100):  # the order travels through Kafka first
            if self.p.get(f"/orders/{order_id}", headers=key).status_code == 200:
                break
            time.sleep(0.1)
        if accept:
            self.call(
                self.p,
                "POST",
                f"/orders/{order_id}/accept",
                headers=key,
                json={
                    "expected_start": str(date.today() + timedelta(days=14)),
                    "contact": {"name": "Pia Holm", "email": "pia@example.org"},
                },
            )
        else:
            self.call(
                self.p,
                "POST",
                f"/orders/{order_id}/decline",
                headers=key,
                json={"reason": "no_capacity"},
            )


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--authority", default="http://127.0.0.1:8001")
    args.add_argument("--provider", default="http://127.0.0.1:8002")
    args.add_argument("--cases", type=int, default=40)
    args.add_argument("--seed", type=int, default=2026)
    opts = args.parse_args()
    rng, demo = random.Random(opts.seed), Demo(opts.authority, opts.provider)
    tenants = demo.tenants()
    with Progress() as progress:
        task = progress.add_task("demo cases", total=opts.cases)
        for i in range(opts.cases):
            demo.case(rng, stage=i % 5, tenant=tenants[i % len(tenants)])
            progress.advance(task)
        demo.coordinator(rng)
    out = Path("var/demo-credentials.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(tenants, indent=2))
    print(f"{opts.cases} cases and a family coordinator; provider API keys in {out}")


if __name__ == "__main__":
    main()
