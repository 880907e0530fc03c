"""One family with a family coordinator (seed 002): decided with consent, the start meeting
and a contact held today; the scheduler sets the follow-ups and contacts."""

from __future__ import annotations

import random
from datetime import date, timedelta

from demodata import intake
from demodata.api import Api


def coordinator(api: Api, rng: random.Random) -> None:
    case = intake.opened(api, rng, "family_coordinator")
    intake.investigate(api, case)
    summary = {"summary": "Mange fagpersoner omkring familien og intet samlet overblik"}
    api.cw("POST", f"/cases/{case.case_id}/investigation/conclude", json=summary)
    consent = {
        "given_by": intake.people.CONSENTING[case.custody],
        "given_on": str(date.today() - timedelta(days=1)),
    }
    decision = {
        "measure": "family_coordinator",
        "assessment": "Konkret, individuel vurdering: familien har brug for én koordinator",
        "purpose": "En sammenhængende indsats på tværs af forvaltninger",
        "expected_duration_months": 12,
        "consent": consent,
        "plan_made": False,
    }
    made = api.cw("POST", f"/cases/{case.case_id}/decisions", json=decision)
    path = f"/cases/{case.case_id}/decisions/{made['decision_id']}"
    api.as_("lars", "POST", f"{path}/approve")
    today = str(date.today())
    api.cw("POST", f"{path}/coordination/meetings", json={"meeting": "start", "held_on": today})
    api.cw("POST", f"{path}/coordination/contacts", json={"contacted_on": today})
