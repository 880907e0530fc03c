"""A case's first stages at the authority: the underretning, the case, the investigation,
the decision and the action plan (barnets lov §§ 133-136, 20, 32, 91-92)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from demodata import people
from demodata.api import Api

SCHOOLS = ["Søndre Skole", "Nordre Skole", "Vestervang Skole", "Bakkeskolen"]
CONCERNS = [
    "Barnet har i flere uger virket træt og sultent og kommer ofte for sent.",
    "Barnet fortæller om voldsomme skænderier derhjemme og vil ikke gå hjem.",
    "Stort fravær dette skoleår; forældrene svarer ikke på henvendelser.",
]
GOALS = [
    ("school", "Møder i skole hver dag"),
    ("family_relations", "Faste rutiner morgen og aften"),
    ("health", "Går til tandlæge og læge som aftalt"),
    ("leisure_and_friendships", "Deltager i en fritidsaktivitet hver uge"),
]


@dataclass
class Case:
    case_id: str
    custody: str
    measure: str
    decision_id: str = ""
    goals: list[dict[str, Any]] = field(default_factory=list)


def notify(api: Api, rng: random.Random) -> tuple[str, dict[str, str]]:
    """A school reports a concern (underretning, § 133); its id and the child."""
    child = people.child(rng)
    school = rng.choice(SCHOOLS)
    reporter = {
        "kind": "school",
        "name": "Klasselærer",
        "organisation": school,
        "contact": "kontor@skole.example",
        "cvr": str(rng.randint(10**7, 10**8 - 1)),
    }
    body = {"reporter": reporter, "child": child, "text": rng.choice(CONCERNS)}
    made = api.as_("soendre-skole", "POST", "/notifications", json=body)
    return str(made["notification_id"]), child


def from_notification(api: Api, rng: random.Random, measure: str) -> Case:
    """The underretning assessed within 24 hours (§ 135), a case opened from it and the
    receipt sent to the school (§ 136)."""
    nid, child = notify(api, rng)
    assessed = {
        "in_danger": True,
        "acute_action_needed": False,
        "assessment": "Bekymrende, ikke akut: børnefaglig undersøgelse indledes",
    }
    api.cw("POST", f"/notifications/{nid}/assessment", json=assessed)
    custody, parents = people.family(rng, child["name"].split()[-1])
    body = {"parents": parents, "custody": {"kind": custody}, "contact_person": people.CONTACT}
    case_id = str(api.cw("POST", f"/notifications/{nid}/case", json=body)["case_id"])
    api.cw("POST", f"/notifications/{nid}/receipt", json={"channel": "digital_post"})
    return Case(case_id, custody, measure)


def opened(api: Api, rng: random.Random, measure: str) -> Case:
    """A case opened directly (the family asked for help)."""
    child = people.child(rng)
    custody, parents = people.family(rng, child["name"].split()[-1])
    body = {
        "child": child,
        "parents": parents,
        "custody": {"kind": custody},
        "contact_person": people.CONTACT,
    }
    return Case(str(api.cw("POST", "/cases", json=body)["case_id"]), custody, measure)


def investigate(api: Api, case: Case) -> None:
    api.cw("POST", f"/cases/{case.case_id}/investigation/start")


def conclude(api: Api, case: Case) -> None:
    summary = {"summary": "Familien har brug for støtte til struktur i hverdagen"}
    api.cw("POST", f"/cases/{case.case_id}/investigation/conclude", json=summary)


def propose(api: Api, case: Case, consent_days_ago: int) -> None:
    consent = {
        "given_by": people.CONSENTING[case.custody],
        "given_on": str(date.today() - timedelta(days=consent_days_ago)),
    }
    body = {
        "measure": case.measure,
        "assessment": "Konkret, individuel vurdering",
        "purpose": "Faste rammer i hverdagen og trivsel i skolen",
        "expected_duration_months": 12,
        "consent": consent,
        "plan_made": True,
    }
    made = api.cw("POST", f"/cases/{case.case_id}/decisions", json=body)
    case.decision_id = str(made["decision_id"])


def approve(api: Api, case: Case) -> None:
    api.as_("lars", "POST", f"/cases/{case.case_id}/decisions/{case.decision_id}/approve")


def plan(api: Api, rng: random.Random, case: Case) -> None:
    goals = [{"area": a, "text": t} for a, t in rng.sample(GOALS, 2)]
    who = ["child", *people.CONSENTING[case.custody]]
    body = {"goals": goals, "participants": who}  # § 92: the child and the parents
    case.goals = api.cw("POST", f"/cases/{case.case_id}/action-plans", json=body)["goals"]


def decided(api: Api, rng: random.Random, measure: str, consent_days_ago: int = 1) -> Case:
    """Opened (every other one from an underretning), investigated, decided, planned."""
    start = from_notification if rng.random() < 0.5 else opened
    case = start(api, rng, measure)
    investigate(api, case)
    conclude(api, case)
    propose(api, case, consent_days_ago)
    approve(api, case)
    plan(api, rng, case)
    return case
