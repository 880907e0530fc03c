"""Each tenant command, mapped onto the application service REST calls for it."""

from __future__ import annotations

from typing import Any

from eventkit import EventStore
from samspil_contracts.tenant_messages import (
    AcceptOrder,
    CountersignContract,
    DeclineOrder,
    RequestContractChange,
    SubmitClaim,
    SubmitStatusReport,
    TenantCommand,
    TerminateContract,
)
from servicekit.publishing import Publisher

from provider.app.change_requests import ChangeInput, ChangeRequests
from provider.app.child_text import ChildText
from provider.app.claims import Claims
from provider.app.contracts import Contracts
from provider.app.follow_ups import FollowUps
from provider.app.notice import give_notice
from provider.app.offered_terms import OfferedTerms
from provider.app.orders import Acceptance, Orders
from provider.app.ports import ReadModels
from provider.app.recording import Acting, Recorder
from provider.app.reporting import Reporting, ReportInput
from provider.domain import (
    DomainError,
    Frequency,
    Per,
    Scope,
    change,
    claim,
    contract,
    order,
    report,
)


class Handlers:
    def __init__(
        self,
        store: EventStore,
        recorder: Recorder,
        publisher: Publisher,
        texts: ChildText,
        read_models: ReadModels,
        follow_ups: FollowUps,
    ) -> None:
        self.orders = Orders(store, recorder, publisher)
        self.contracts = Contracts(store, recorder, publisher, OfferedTerms(recorder, texts))
        self.reporting = Reporting(self.contracts, texts, follow_ups)
        self.claims = Claims(self.contracts, read_models)
        self.changes = ChangeRequests(self.contracts, texts)

    async def run(self, acting: Acting, command: TenantCommand) -> dict[str, Any]:
        """What REST would have answered; raises ``DomainError`` like REST."""
        match command:
            case AcceptOrder() | DeclineOrder():
                return await self._answer(acting, command)
            case CountersignContract():
                revision = await self.contracts.countersign(
                    acting, command.contract_id, command.version, command.expected_revision
                )
                return {"contract_id": command.contract_id, "revision": revision}
            case TerminateContract():
                return await self._terminate(acting, command)
            case SubmitStatusReport():
                return {"report_id": await self._report(acting, command)}
            case SubmitClaim():
                return {"claim_id": await self._claim(acting, command)}
            case RequestContractChange():
                return {"request_id": await self._change(acting, command)}
        raise DomainError("unsupported_command", f"{command.type_name} is not handled.")

    async def _answer(self, acting: Acting, c: AcceptOrder | DeclineOrder) -> dict[str, Any]:
        if isinstance(c, AcceptOrder):
            answer = Acceptance(c.note, c.expected_start, c.contact)
            revision = await self.orders.accept(acting, c.order_id, answer, c.expected_revision)
            return {"order_id": c.order_id, "status": "accepted", "revision": revision}
        reason = order.DeclineReason(c.reason.value)
        revision = await self.orders.decline(
            acting, c.order_id, reason, c.text, c.expected_revision
        )
        return {"order_id": c.order_id, "status": "declined", "revision": revision}

    async def _terminate(self, acting: Acting, c: TerminateContract) -> dict[str, Any]:
        reason = contract.TerminationReason(c.reason_code.value)
        args = (reason, c.notice_days, c.text, c.expected_revision)
        notice, revision = await give_notice(self.contracts, acting, c.contract_id, *args)
        return {"contract_id": c.contract_id, "last_day": notice.last_day, "revision": revision}

    async def _report(self, acting: Acting, c: SubmitStatusReport) -> Any:
        _period(c.period_start, c.period_end)
        goals = tuple(
            report.GoalStatus(g.goal_id, report.Progress(g.progress.value), g.text)
            for g in c.per_goal
        )
        found = ReportInput(
            c.report_id, c.followup_ref, c.period_start, c.period_end, goals, c.narrative
        )
        return await self.reporting.status_report(acting, c.contract_id, found)

    async def _change(self, acting: Acting, c: RequestContractChange) -> Any:
        scope, freq = c.scope, c.frequency
        proposal = change.Proposal(
            new_end=c.new_end,
            duration_months=c.expected_duration_months,
            scope=None if scope is None else Scope(scope.hours, Per(scope.per.value)),
            frequency=None if freq is None else Frequency(freq.times, Per(freq.per.value)),
            last_day=c.last_day,
        )
        found = ChangeInput(c.request_id, change.ChangeKind(c.kind.value), proposal, c.reason)
        return await self.changes.request(acting, c.contract_id, found)

    async def _claim(self, acting: Acting, c: SubmitClaim) -> Any:
        _period(c.period_start, c.period_end)
        lines = tuple(claim.ClaimLine(x.description, x.units, x.unit_price_oere) for x in c.lines)
        period = (c.period_start, c.period_end)
        return await self.claims.submit(acting, c.contract_id, c.claim_number, period, lines)


def _period(start: Any, end: Any) -> None:
    if end < start:
        raise DomainError("invalid_period", "The period ends before it starts.")
