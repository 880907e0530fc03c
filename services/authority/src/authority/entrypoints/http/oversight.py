"""Follow-ups, concerns, claims and the provider registry."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

import samspil_contracts as wire
from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_GOALS
from servicekit.auth import Principal
from servicekit.problems import Problem

from authority.app.cadence import Arrangement
from authority.app.queries import render
from authority.domain import Role
from authority.domain.followup import AdjustedTerms, Outcome, RecordOutcome
from authority.domain.settlement import LineRejection
from authority.entrypoints.http.common import (
    Caseworker,
    Finance,
    GoalIn,
    IfMatch,
    Mutation,
    Reader,
    Svc,
    acting,
    does_casework,
    goal,
)


class RejectIn(Mutation):
    reason_code: LineRejection = LineRejection.OTHER


class ReadIn(BaseModel):
    """Why a person reads what a provider wrote about a child (never in a URL)."""

    reason: str | None = Field(None, max_length=500, description="Why (in the access log)")


class NewTermsIn(BaseModel):
    goals: list[GoalIn] = Field(max_length=MAX_GOALS)
    scope: wire.Scope
    frequency: wire.Frequency


class ArrangementIn(BaseModel):
    """The case's follow-up arrangement from now on (barnets lov § 95), with the
    justification given to the child and the parents."""

    months: int = Field(description="Months between follow-ups; refused if not honoured")
    justification: str = Field(min_length=1, max_length=4000)


class OutcomeIn(Mutation):
    outcome: Literal["continue", "adjust", "end"]
    notes: str = Field(max_length=4000)
    new_terms: NewTermsIn | None = None
    arrangement: ArrangementIn | None = Field(
        None, description="Decided at the first follow-up: the arrangement after it (§ 95)"
    )


def router() -> APIRouter:
    api = APIRouter(tags=["follow-up, concerns, settlement, registry"])

    @api.get("/cases/{case_id}/follow-ups")
    async def follow_ups(case_id: UUID, _: Reader, s: Svc) -> list[dict[str, Any]]:
        return list(await s.kit.views.rows("followups", case_id=case_id))

    async def read_follow_up(
        followup_id: UUID, who: Principal, s: Svc, reason: str | None
    ) -> dict[str, Any]:
        if does_casework(who):
            found = await s.texts.followup(followup_id, acting(who, Mutation(reason=reason)))
        else:
            state, revision = await s.followups.state(followup_id)
            found = render(state) | {"revision": revision} if state else None
        if found is None:
            raise Problem(404, "followup_not_found", "the follow-up does not exist")
        return found

    @api.get("/follow-ups/{followup_id}")
    async def follow_up(followup_id: UUID, who: Reader, s: Svc) -> dict[str, Any]:
        """The follow-up with the provider's per-goal report; for case work its narrative
        in clear (each reading in the access log, with a reason if POSTed to ``/read``),
        for finance still sealed."""
        return await read_follow_up(followup_id, who, s, None)

    @api.post("/follow-ups/{followup_id}/read")
    async def follow_up_read(
        followup_id: UUID, body: ReadIn, who: Reader, s: Svc
    ) -> dict[str, Any]:
        """The follow-up, as GET, with the reason for reading in the access log."""
        return await read_follow_up(followup_id, who, s, body.reason)

    @api.post("/follow-ups/{followup_id}/outcome")
    async def outcome(
        followup_id: UUID, body: OutcomeIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        adjusted = _adjusted(body)
        command = RecordOutcome(
            **a.stamp(), outcome=Outcome(body.outcome), notes=body.notes, new_terms=adjusted
        )
        return {
            "followup_id": followup_id,
            "revision": await s.followups.outcome(followup_id, command, a, _arranged(body)),
        }

    @api.get("/concerns")
    async def concerns(_: Reader, s: Svc, case_id: UUID | None = None) -> list[dict[str, Any]]:
        return list(await s.kit.views.rows("concerns", case_id=case_id))

    @api.get("/concerns/{concern_id}")
    async def concern(concern_id: UUID, who: Caseworker, s: Svc) -> dict[str, Any]:
        """The concern or use of force with its details in clear (in the access log)."""
        return await s.texts.concern(concern_id, acting(who, Mutation()))

    @api.post("/concerns/{concern_id}/read")
    async def concern_read(
        concern_id: UUID, body: ReadIn, who: Caseworker, s: Svc
    ) -> dict[str, Any]:
        """The concern, as GET, with the reason for reading in the access log."""
        return await s.texts.concern(concern_id, acting(who, Mutation(reason=body.reason)))

    @api.post("/concerns/{concern_id}/acknowledge")
    async def acknowledge(
        concern_id: UUID, who: Caseworker, s: Svc, body: Mutation | None = None
    ) -> dict[str, Any]:
        revision = await s.concerns.acknowledge(concern_id, acting(who, body))
        return {"concern_id": concern_id, "revision": revision}

    @api.get("/claims")
    async def claims(
        _: Reader,
        s: Svc,
        contract_id: UUID | None = None,
        status: Annotated[str | None, Query(max_length=40)] = None,
    ) -> list[dict[str, Any]]:
        return list(await s.kit.views.rows("claims", contract_id=contract_id, status=status))

    @api.post("/claims/{claim_id}/approve")
    async def approve(
        claim_id: UUID, who: Finance, s: Svc, body: Mutation | None = None
    ) -> dict[str, Any]:
        a = acting(who, body, prefer=Role.FINANCE)
        return {"claim_id": claim_id, "revision": await s.claims.decide(claim_id, True, a)}

    @api.post("/claims/{claim_id}/reject")
    async def reject(claim_id: UUID, body: RejectIn, who: Finance, s: Svc) -> dict[str, Any]:
        """Every line rejected with ``reason_code`` (default other) and ``reason`` (required)."""
        a = acting(who, body, prefer=Role.FINANCE)
        code = body.reason_code
        return {"claim_id": claim_id, "revision": await s.claims.decide(claim_id, False, a, code)}

    @api.get("/providers")
    async def providers(_: Reader, s: Svc) -> list[dict[str, Any]]:
        return list(await s.kit.views.rows("providers"))

    @api.get("/providers/{provider_id}")
    async def provider(provider_id: UUID, _: Reader, s: Svc) -> dict[str, Any]:
        found = await s.kit.views.row("providers", provider_id)
        if found is None:
            raise Problem(404, "not_found", "no material published by this provider")
        return found

    return api


def _arranged(body: OutcomeIn) -> Arrangement | None:
    a = body.arrangement
    return Arrangement(a.months, a.justification) if a else None


def _adjusted(body: OutcomeIn) -> AdjustedTerms | None:
    """New goals, scope and frequency (scope/frequency as in orders: {hours, per}, {times, per})."""
    if body.new_terms is None:
        return None
    t = body.new_terms
    return AdjustedTerms(
        tuple(goal(g) for g in t.goals), t.scope.model_dump_json(), t.frequency.model_dump_json()
    )
