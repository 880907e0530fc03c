"""One case per stage, from the underretning to the measure ended: the seed deals the stages
out in turn. Contracts start months back (a past start is a date in the terms, which the
domain allows), so their follow-ups, claims and deliveries span the municipality's last
18 months while every step is taken today."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from demodata import contracts, intake
from demodata.api import Api, Tenant
from demodata.signed import (
    amended,
    amending,
    ended,
    held_late,
    held_on_time,
    in_force,
    overdue,
    under_notice,
)

Stage = Callable[[Api, random.Random, Tenant], None]


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
