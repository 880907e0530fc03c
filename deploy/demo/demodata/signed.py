"""The stages with an individual contract both parties signed. Each starts months back (a
past start is a date in the terms, which the domain allows), so its follow-ups, deliveries
and claims span the months before today while every step is taken today."""

from __future__ import annotations

import random
from datetime import date, timedelta

from demodata import contracts, delivery, followups, intake
from demodata.api import Api, Tenant
from demodata.providers import countersign


def months_ago(months: float) -> date:
    return date.today() - timedelta(days=round(30.44 * months))


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
    """The follow-up is overdue and reported on; a concern from the provider waits; a claim
    over the contract's scope is rejected."""
    case, contract_id = running(api, rng, tenant, 4)
    followups.reported(api, tenant, case, contract_id, due=True)
    delivery.concern(api, tenant, contract_id, acknowledged=False)
    delivery.over_scope(api, tenant, contract_id, months_ago(4))


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
