"""One case per stage, from the underretning to the measure ended: the seed deals the stages
out in turn. Contracts start months back (a past start is a date in the terms, which the
domain allows), so their follow-ups, claims and deliveries span the municipality's last
18 months while every step is taken today."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from demodata import contracts, delivery, followups, intake
from demodata.api import Api, Tenant
from demodata.providers import countersign

Stage = Callable[[Api, random.Random, Tenant], None]


def months_ago(months: float) -> date:
    return date.today() - timedelta(days=round(30.44 * months))


def underretning(api: Api, rng: random.Random, tenant: Tenant) -> None:
    intake.notify(api, rng)  # waiting for the 24-hour assessment (§ 135)


def opened(api: Api, rng: random.Random, tenant: Tenant) -> None:
    intake.from_notification(api, rng, tenant.measure)


def investigating(api: Api, rng: random.Random, tenant: Tenant) -> None:
    intake.investigate(api, intake.opened(api, rng, tenant.measure))


def concluded(api: Api, rng: random.Random, tenant: Tenant) -> None:
    case = intake.opened(api, rng, tenant.measure)
    intake.investigate(api, case)
    intake.conclude(api, case)


def proposed(api: Api, rng: random.Random, tenant: Tenant) -> None:
    case = intake.from_notification(api, rng, tenant.measure)
    intake.investigate(api, case)
    intake.conclude(api, case)
    intake.propose(api, case, consent_days_ago=2)  # waiting for the team leader


def planned(api: Api, rng: random.Random, tenant: Tenant) -> None:
    intake.decided(api, rng, tenant.measure)  # decided and planned; no provider chosen yet


def ordered(api: Api, rng: random.Random, tenant: Tenant) -> None:
    case = intake.decided(api, rng, tenant.measure)
    contracts.order(api, case, tenant, date.today() + timedelta(days=14))


def declined(api: Api, rng: random.Random, tenant: Tenant) -> None:
    case = intake.decided(api, rng, tenant.measure)
    order_id = contracts.order(api, case, tenant, date.today() + timedelta(days=14))
    contracts.decline(api, tenant, order_id)


def drafted(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """Accepted and signed by the caseworker: the provider has still to countersign."""
    case = intake.decided(api, rng, tenant.measure)
    start = date.today() + timedelta(days=7)
    order_id = contracts.order(api, case, tenant, start)
    contracts.accept(api, tenant, order_id, start)
    contracts.drafted(api, tenant, order_id, start)


def running(api: Api, rng: random.Random, tenant: Tenant, months: float) -> tuple[intake.Case, str]:
    """A contract in force since ``months`` ago, delivering and claimed for every month."""
    start = months_ago(months)
    case = intake.decided(api, rng, tenant.measure, consent_days_ago=round(30.44 * months) + 14)
    contract_id = contracts.signed_by_both(api, case, tenant, start)
    delivery.start(api, tenant, contract_id, start)
    delivery.claims(api, rng, tenant, contract_id, start)
    return case, contract_id


def in_force(api: Api, rng: random.Random, tenant: Tenant) -> None:
    running(api, rng, tenant, 1.5)


def held_on_time(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """The first follow-up is due in a fortnight: reported and held today, on time."""
    case, contract_id = running(api, rng, tenant, 2.5)
    followups.held(api, followups.reported(api, tenant, case, contract_id, due=False))


def held_late(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """The first follow-up fell due five months ago: reported for then, held today."""
    case, contract_id = running(api, rng, tenant, 8)
    followups.held(api, followups.reported(api, tenant, case, contract_id, due=True))


def overdue(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """The follow-up is overdue and reported on; a concern from the provider waits."""
    case, contract_id = running(api, rng, tenant, 4)
    followups.reported(api, tenant, case, contract_id, due=True)
    delivery.concern(api, tenant, contract_id, acknowledged=False)


def amending(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """Version 1 in force, version 2 (the price regulated) signed by the caseworker only."""
    _, contract_id = running(api, rng, tenant, 2)
    terms = {"terms": {"price_per_unit_oere": tenant.price + 1500}}
    api.cw("POST", f"/contracts/{contract_id}/amend", json=terms)
    api.cw("POST", f"/contracts/{contract_id}/sign")


def amended(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """An amendment both signed: version 2 in force; a concern acknowledged."""
    _, contract_id = running(api, rng, tenant, 2)
    api.cw("POST", f"/contracts/{contract_id}/amend", json={"terms": {"duration_months": 24}})
    api.cw("POST", f"/contracts/{contract_id}/sign")
    countersign(api, tenant, contract_id, 2)
    contracts.in_force(api, contract_id, 2)
    delivery.concern(api, tenant, contract_id, acknowledged=True)


def under_notice(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """The provider gives 30 days' notice: in force on both sides until the last day."""
    _, contract_id = running(api, rng, tenant, 1)
    notice = {"reason_code": "provider_cannot_deliver", "notice_days": 30}
    api.provider(tenant, "POST", f"/contracts/{contract_id}/terminate", json=notice)


def ended(api: Api, rng: random.Random, tenant: Tenant) -> None:
    """Fourteen months in: the goals are reached, the follow-up ends the measure."""
    case, contract_id = running(api, rng, tenant, 14)
    followups.held(api, followups.reported(api, tenant, case, contract_id, due=True), "end")


STAGES: list[tuple[str, Stage]] = [
    ("underretning", underretning),
    ("opened", opened),
    ("investigating", investigating),
    ("concluded", concluded),
    ("proposed", proposed),
    ("planned", planned),
    ("ordered", ordered),
    ("declined", declined),
    ("drafted", drafted),
    ("in_force", in_force),
    ("held_on_time", held_on_time),
    ("held_late", held_late),
    ("overdue", overdue),
    ("amending", amending),
    ("amended", amended),
    ("under_notice", under_notice),
    ("ended", ended),
]
