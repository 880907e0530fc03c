"""Demo data: ``python -m authority.demo --cases N`` fills the authority's database with
invented Danish cases at every stage, through the app layer (the same use cases as the API),
with back-dated steps so deadlines and key figures look like a working unit's.

A composition-level tool like ``__main__``: it builds the services from the settings
(DATABASE_URL etc.). Providers' facts (published material, accepted orders) are recorded as
the inbound pipeline would record them. Every name and CPR number is invented.
"""

from __future__ import annotations

import argparse
import asyncio
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire
from rich.progress import Progress
from samspil_contracts.testing import example_event

from authority.app.acting import Acting
from authority.app.inbound import Inbound
from authority.app.services import Services
from authority.bootstrap import AuthoritySettings, migrate, read_models, services_for
from authority.domain import Actor, Goal, GoalArea, MeasureCode, Role
from authority.domain.case import (
    AdoptActionPlan,
    ApproveDecision,
    ConcludeInvestigation,
    Consent,
    Cpr,
    Custody,
    CustodyHolder,
    OpenCase,
    Person,
    ProposeDecision,
    Recipient,
    StartInvestigation,
)
from authority.domain.order import OrderTerms, PlaceOrder

FIRST = ["Alma", "Noah", "Ida", "William", "Freja", "Oscar", "Ella", "Lucas", "Karla", "Emil"]
ADULT = ["Mette", "Lars", "Camilla", "Henrik", "Louise", "Jesper", "Anne", "Thomas"]
LAST = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen"]
TEAMS = ["Team Nord", "Team Syd", "Team Unge"]
PROVIDERS = [
    ("Familiehuset Nord", "municipal"),
    ("Støttecentret ApS", "private"),
    ("Red Barnet Lokal", "voluntary"),
    ("Region Familieteam", "regional"),
]
STAGES = 9  # opened .. order accepted


def cpr(rng: random.Random, born: date) -> Cpr:
    """An invented number with a valid date; 7th digit 4 puts 2000-2036 births in 20xx."""
    seventh = 4 if born.year >= 2000 else 1
    serial = f"{seventh}{rng.randint(0, 999):03d}"
    return Cpr(born.strftime("%d%m%y") + serial)


def person(rng: random.Random, first: list[str], born: date, last: str) -> Person:
    return Person(f"{rng.choice(first)} {last}", cpr(rng, born))


def acting(user: str, role: Role, at: datetime) -> Acting:
    return Acting(Actor(user, role), at)


async def publish_providers(s: Services) -> list[UUID]:
    handle = Inbound(s).handlers()[wire.ProviderMaterialPublished]
    ids = []
    for name, kind in PROVIDERS:
        material = example_event(wire.ProviderMaterialPublished).model_copy(
            update={"provider_id": uuid4(), "name": name, "kind": wire.ProviderKind(kind)}
        )
        async with s.kit.store.unit_of_work() as uow:
            await handle(uow, envelope(material, datetime.now(UTC)), material)
        ids.append(material.provider_id)
    return ids


def envelope(event: wire.IntegrationEvent, at: datetime) -> wire.Envelope:
    return wire.Envelope(
        event_id=uuid4(),
        type=event.type_name,
        schema_version=event.schema_version,
        subject=event.partition_key(),
        revision=1,
        occurred_at=at,
        correlation_id=uuid4(),
        producer="/samspil/provider",
    )


async def one_case(s: Services, rng: random.Random, providers: list[UUID]) -> None:
    stage = rng.randint(1, STAGES)
    at = datetime.now(UTC) - timedelta(days=rng.randint(30, 400))
    worker = f"sagsbehandler-{rng.randint(1, 12)}"
    last = rng.choice(LAST)
    born = date(2024, 1, 1) - timedelta(days=rng.randint(0, 17 * 365))
    case_id = uuid4()
    mother = person(rng, ADULT, born - timedelta(days=365 * 30), last)
    await s.cases.open(
        OpenCase(
            **acting(worker, Role.CASEWORKER, at).stamp(),
            case_id=case_id,
            child=person(rng, FIRST, born, last),
            parents=(mother,),
            custody=Custody(CustodyHolder.MOTHER),
            contact_person=worker,
            caseworker_id=worker,
        ),
        acting(worker, Role.CASEWORKER, at),
    )
    decision_id, goals = uuid4(), (Goal(uuid4(), GoalArea.SCHOOL, "Går i skole hver dag"),)
    steps: list[tuple[str, Any, dict[str, Any], int]] = [
        (worker, StartInvestigation, {"investigation_id": uuid4()}, 2),
        (worker, ConcludeInvestigation, {"summary": "Behov for støtte"}, rng.randint(40, 160)),
        (
            worker,
            ProposeDecision,
            {
                "decision_id": decision_id,
                "measure": MeasureCode.SUPPORT_IN_HOME,
                "legal_basis": "Barnets lov § 32, stk. 1, nr. 2",
                "assessment": "Konkret vurdering: støtte i hjemmet",
                "purpose": "Faste rammer i hverdagen, så barnet kommer i skole hver dag",
                "expected_duration_months": 6,
                # mother has custody; she consented when the investigation concluded
                "consent": Consent(frozenset({Recipient.MOTHER}), (at + timedelta(days=3)).date()),
                "plan_made": True,  # barnets plan (§ 91) within 3 months
            },
            3,
        ),
        ("afdelingsleder-1", ApproveDecision, {"decision_id": decision_id}, 2),
        (
            worker,
            AdoptActionPlan,
            {"goals": goals, "participants": frozenset({Recipient.CHILD, Recipient.MOTHER})},
            5,
        ),
    ]
    for user, command, fields, days in steps[: stage - 1]:
        at += timedelta(days=days)
        role = Role.TEAM_LEADER if user.startswith("afdeling") else Role.CASEWORKER
        a = acting(user, role, at)
        await s.cases.execute(case_id, command(**a.stamp(), **fields), a)
    if stage >= 7:
        await order(s, rng, case_id, decision_id, goals, rng.choice(providers), at, stage)


async def order(
    s: Services,
    rng: random.Random,
    case_id: UUID,
    decision_id: UUID,
    goals: tuple[Goal, ...],
    provider: UUID,
    at: datetime,
    stage: int,
) -> None:
    at += timedelta(days=3)
    a, order_id = acting("sagsbehandler-1", Role.CASEWORKER, at), uuid4()
    terms = OrderTerms(
        goals,
        '{"hours":6,"per":"week"}',
        '{"times":2,"per":"week"}',
        at.date() + timedelta(days=14),
        6,
    )
    await s.orders.place(
        PlaceOrder(
            **a.stamp(),
            order_id=order_id,
            case_id=case_id,
            provider_id=provider,
            decision_id=decision_id,
            measure=MeasureCode.SUPPORT_IN_HOME,
            terms=terms,
        ),
        a,
    )
    if stage >= 8:
        answer = wire.OrderAccepted(
            order_id=order_id,
            case_id=case_id,
            provider_id=provider,
            provider_contact=wire.ContactPerson(
                name="Leverandør", email="kontakt@leverandor.example"
            ),
            expected_start=terms.start,
        )
        when = at + timedelta(days=rng.randint(1, 12))
        async with s.kit.store.unit_of_work() as uow:
            await Inbound(s).handlers()[wire.OrderAccepted](uow, envelope(answer, when), answer)


async def fill(count: int, seed: int) -> None:
    settings = AuthoritySettings()
    await migrate(settings)
    s, rng = services_for(settings), random.Random(seed)
    providers = await publish_providers(s)
    teams = read_models(s.kit.store.engine).teams
    for n in range(1, 13):  # the twelve caseworkers of the demo, in three teams
        await teams.join(f"sagsbehandler-{n}", TEAMS[n % len(TEAMS)])
    with Progress() as progress:
        task = progress.add_task("Opretter sager", total=count)
        for _ in range(count):
            await one_case(s, rng, providers)
            progress.advance(task)


def main() -> None:
    parser = argparse.ArgumentParser(description="Fill the authority with invented cases")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    asyncio.run(fill(args.cases, args.seed))


if __name__ == "__main__":
    main()
