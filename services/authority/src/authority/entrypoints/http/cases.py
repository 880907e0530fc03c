"""Cases: open, investigate, decide (four eyes), communicate, plan; read, reveal, erase."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal
from uuid import UUID, uuid4

from fastapi import APIRouter
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_GOALS, LongText, ShortText, Text
from servicekit.auth import Principal
from servicekit.inputs import AsOf

from authority.app.case_wire import action_plan_id
from authority.app.queries import CaseQueries
from authority.domain import MeasureCode, Role
from authority.domain.case import (
    AdoptActionPlan,
    ApproveDecision,
    ConcludeInvestigation,
    Consent,
    Cpr,
    Custody,
    CustodyHolder,
    InvestigationKind,
    OpenCase,
    Person,
    ProposeDecision,
    Recipient,
    RecordDecisionCommunicated,
    RecordPreliminaryAssessment,
    RejectDecision,
    Relation,
    StartInvestigation,
)
from authority.domain.vocabulary import legal_basis
from authority.entrypoints.http.common import (
    Caseworker,
    GoalIn,
    IfMatch,
    Leader,
    Mutation,
    Reader,
    Svc,
    acting,
    does_casework,
    goal,
)

MAX_PARENTS = 6  # parents and step-parents a case names


class PersonIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    cpr: str = Field(min_length=10, max_length=11)

    def domain(self) -> Person:
        return Person(self.name, Cpr(self.cpr))


class ParentIn(PersonIn):
    relation: Literal["mother", "father"] | None = Field(
        None, description="The parent's relation to the child: letters are addressed by it"
    )

    def domain(self) -> Person:
        relation = Relation(self.relation) if self.relation else None
        return Person(self.name, Cpr(self.cpr), relation)


class CustodyIn(BaseModel):
    kind: Literal["joint", "mother", "father", "guardian"]
    guardian: PersonIn | None = None


class OpenCaseIn(Mutation):
    child: PersonIn
    parents: list[ParentIn] = Field([], max_length=MAX_PARENTS)
    custody: CustodyIn
    contact_person: str = Field(min_length=1, max_length=200)


class CaseReadIn(BaseModel):
    reason: str | None = Field(None, max_length=500, description="Why (in the access log)")
    as_of: AsOf | None = Field(None, description="The case as it stood then")


class ConcludeIn(Mutation):
    summary: LongText


class StartIn(Mutation):
    kind: InvestigationKind = Field(
        InvestigationKind.CHILD_INVESTIGATION,
        description="child_investigation: børnefaglig undersøgelse (barnets lov § 20); "
        "assessment: the narrower afdækning (§ 19)",
    )


class ConsentIn(BaseModel):
    given_by: list[Literal["mother", "father", "guardian"]] = Field(min_length=1, max_length=3)
    given_on: date

    def domain(self) -> Consent:
        return Consent(frozenset(Recipient(r) for r in self.given_by), self.given_on)


class DecisionIn(Mutation):
    measure: MeasureCode
    legal_basis: ShortText | None = None
    assessment: LongText
    # Barnets lov § 32: optional here so that the domain refuses with its own stable codes.
    purpose: Text | None = Field(None, description="The measure's purpose (§ 32, stk. 3)")
    expected_duration_months: int | None = Field(
        None, ge=0, le=10_000, description="The expected duration in months (§ 32, stk. 3)"
    )
    consent: ConsentIn | None = Field(
        None, description="Every custody holder's consent and its date (§ 32, stk. 2)"
    )
    parallel_justification: Text | None = Field(
        None,
        description="Why the measure starts while the afdækning or undersøgelse still runs "
        "(§ 32, stk. 4); required then",
    )
    plan_made: bool | None = Field(
        None,
        description="Whether the child's plan is made (barnets plan § 91, ungeplan § 108 from "
        "16 years): then it is due no later than 3 months after the decision. Required for a "
        "§ 32 measure, always true for a placement",
    )

    def command(self, stamp: dict[str, Any]) -> ProposeDecision:
        return ProposeDecision(
            **stamp,
            decision_id=uuid4(),
            measure=self.measure,
            legal_basis=self.legal_basis or legal_basis(self.measure),
            assessment=self.assessment,
            purpose=self.purpose,
            expected_duration_months=self.expected_duration_months,
            consent=self.consent.domain() if self.consent else None,
            parallel_justification=self.parallel_justification,
            plan_made=self.plan_made,
        )


class CommunicatedIn(Mutation):
    recipients: list[Recipient] = Field(max_length=len(Recipient))


class ActionPlanIn(Mutation):
    goals: list[GoalIn] = Field(max_length=MAX_GOALS)
    participants: list[Recipient] = Field(
        default_factory=list,
        max_length=len(Recipient),
        description="Who made the goals with the municipality (barnets lov § 92): the child "
        "and the custody holders; at least one",
    )


class CadenceIn(Mutation):
    contract_id: UUID
    # Bounded by the app against the event contract, refused as cadence_out_of_range.
    months: int
    justification: Text


# The OpenAPI descriptions: each step names its paragraph of barnets lov.
DOCS = {
    "start": "Start the child investigation (børnefaglig undersøgelse, barnets lov § 20): its "
    "4 months (§ 20, stk. 3) count from when the municipality became aware.",
    "conclude": "Conclude the child investigation (barnets lov § 20) with its summary.",
    "propose": "Propose a decision on a støttende indsats (barnets lov § 32, stk. 1, nr. 1-8), "
    "placement (§ 46) or ungestøtte (§ 114) for the team leader's approval; `legal_basis` "
    "defaults to the measure's paragraph in barnets lov.",
    "plan": "Adopt the child's plan (barnets plan, barnets lov § 91; ungeplan § 108 from 16; "
    "formerly handleplan) with goals in the six areas; a later adoption is a new version.",
    "cadence": "The case's follow-up arrangement (opfølgning, barnets lov § 95), with the "
    "justification given to the child and the parents.",
}


def router() -> APIRouter:
    api = APIRouter(tags=["cases"])

    @api.post("/cases", status_code=201)
    async def open_case(body: OpenCaseIn, who: Caseworker, s: Svc) -> dict[str, Any]:
        a = acting(who, body)
        case_id = uuid4()
        guardian = body.custody.guardian.domain() if body.custody.guardian else None
        command = OpenCase(
            **a.stamp(),
            case_id=case_id,
            child=body.child.domain(),
            parents=tuple(p.domain() for p in body.parents),
            custody=Custody(CustodyHolder(body.custody.kind), guardian),
            contact_person=body.contact_person,
            caseworker_id=who.user_id,
        )
        return {"case_id": case_id, "revision": await s.cases.open(command, a)}

    @api.get("/cases")
    async def list_cases(_: Reader, s: Svc) -> list[dict[str, Any]]:
        return [
            {
                "case_id": r["case_id"],
                "child": {"initials": r["child_initials"], "cpr": "******-****"},
                "status": r["status"],
                "caseworker_id": r["caseworker_id"],
                "revision": r["revision"],
            }
            for r in await s.kit.views.rows("cases")
        ]

    async def case_file(case_id: UUID, who: Principal, s: Svc, body: CaseReadIn) -> Any:
        found = await CaseQueries(s.kit).case(case_id, body.as_of)
        a = acting(who, Mutation(reason=body.reason))
        await s.cases.record_access(case_id, a, "case_file")
        if does_casework(who):  # the providers' narratives and concern details, logged
            await s.texts.in_case(found, a)
        return found

    @api.get("/cases/{case_id}")
    async def get_case(
        case_id: UUID, who: Reader, s: Svc, as_of: AsOf | None = None
    ) -> dict[str, Any]:
        """The case file (persons masked); each read is in the access log. To give the
        reason for reading, POST to ``/cases/{case_id}/read`` (never a reason in a URL)."""
        found: dict[str, Any] = await case_file(case_id, who, s, CaseReadIn(as_of=as_of))
        return found

    @api.post("/cases/{case_id}/read")
    async def read_case(case_id: UUID, body: CaseReadIn, who: Reader, s: Svc) -> dict[str, Any]:
        """The case file, as GET, with the reason for reading in the access log."""
        found: dict[str, Any] = await case_file(case_id, who, s, body)
        return found

    @api.get("/cases/{case_id}/timeline")
    async def timeline(case_id: UUID, _: Reader, s: Svc) -> list[dict[str, Any]]:
        return await CaseQueries(s.kit).timeline(case_id)

    async def run(case_id: UUID, command: Any, a: Any, s: Svc) -> dict[str, Any]:
        _, revision = await s.cases.execute(case_id, command, a)
        return {"case_id": case_id, "revision": revision}

    @api.post(
        "/cases/{case_id}/investigation/start",
        description=DOCS["start"],
    )
    async def start(
        case_id: UUID,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
        body: StartIn | None = None,
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        kind = body.kind if body else InvestigationKind.CHILD_INVESTIGATION
        return await run(
            case_id, StartInvestigation(**a.stamp(), investigation_id=uuid4(), kind=kind), a, s
        )

    @api.post(
        "/cases/{case_id}/investigation/conclude",
        description=DOCS["conclude"],
    )
    async def conclude(
        case_id: UUID, body: ConcludeIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        return await run(case_id, ConcludeInvestigation(**a.stamp(), summary=body.summary), a, s)

    @api.post("/cases/{case_id}/investigation/preliminary-assessment")
    async def preliminary(
        case_id: UUID, body: ConcludeIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        """The preliminary assessment of § 20, stk. 3 when the 4 months cannot be met
        (``summary``: the assessment so far)."""
        a = acting(who, body, if_match)
        command = RecordPreliminaryAssessment(**a.stamp(), assessment=body.summary)
        return await run(case_id, command, a, s)

    @api.post(
        "/cases/{case_id}/decisions",
        status_code=201,
        description=DOCS["propose"],
    )
    async def propose(
        case_id: UUID, body: DecisionIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        command = body.command(a.stamp())
        return await run(case_id, command, a, s) | {"decision_id": command.decision_id}

    @api.post("/cases/{case_id}/decisions/{decision_id}/approve")
    async def approve(
        case_id: UUID,
        decision_id: UUID,
        who: Leader,
        s: Svc,
        if_match: IfMatch = None,
        body: Mutation | None = None,
    ) -> dict[str, Any]:
        a = acting(who, body, if_match, prefer=Role.TEAM_LEADER)
        return await run(case_id, ApproveDecision(**a.stamp(), decision_id=decision_id), a, s)

    @api.post("/cases/{case_id}/decisions/{decision_id}/reject")
    async def reject(
        case_id: UUID,
        decision_id: UUID,
        body: Mutation,
        who: Leader,
        s: Svc,
        if_match: IfMatch = None,
    ) -> dict[str, Any]:
        a = acting(who, body, if_match, prefer=Role.TEAM_LEADER)
        return await run(case_id, RejectDecision(**a.stamp(), decision_id=decision_id), a, s)

    @api.post("/cases/{case_id}/decisions/{decision_id}/communicated")
    async def communicated(
        case_id: UUID,
        decision_id: UUID,
        body: CommunicatedIn,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        command = RecordDecisionCommunicated(
            **a.stamp(), decision_id=decision_id, recipients=frozenset(body.recipients)
        )
        return await run(case_id, command, a, s)

    @api.post(
        "/cases/{case_id}/action-plans",
        status_code=201,
        description=DOCS["plan"],
    )
    async def action_plan(
        case_id: UUID, body: ActionPlanIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        goals = tuple(goal(g) for g in body.goals)
        state, revision = await s.cases.execute(
            case_id,
            AdoptActionPlan(**a.stamp(), goals=goals, participants=frozenset(body.participants)),
            a,
        )
        plan = state.action_plan
        assert plan is not None  # just adopted
        return {
            "case_id": case_id,
            "revision": revision,
            "action_plan_id": action_plan_id(case_id, plan.version),
            "version": plan.version,
            "goals": [{"goal_id": g.goal_id, "area": g.area.value, "text": g.text} for g in goals],
            "participants": sorted(r.value for r in plan.participants),
        }

    @api.post(
        "/cases/{case_id}/follow-up-cadence",
        description=DOCS["cadence"],
    )
    async def cadence(
        case_id: UUID, body: CadenceIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        revision = await s.cases.set_cadence(
            case_id, body.contract_id, body.months, body.justification, a
        )
        return {"case_id": case_id, "revision": revision}

    return api
