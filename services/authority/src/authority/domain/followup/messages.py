"""Commands and events of a follow-up (opfølgning)."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.followup.model import AdjustedTerms, Outcome, StatusReport


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordFollowUpDue(Command):
    """The scheduler says a statutory follow-up is due (first after 3, then every 6 months)."""

    followup_id: UUID
    contract_id: UUID
    due_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachStatusReport(Command):
    report: StatusReport


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordOutcome(Command):
    outcome: Outcome
    notes: str
    new_terms: AdjustedTerms | None = None  # required exactly for ADJUST


FollowUpCommand = RecordFollowUpDue | AttachStatusReport | RecordOutcome


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpDue(Event):
    followup_id: UUID
    contract_id: UUID
    due_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusReportAttached(Event):
    report: StatusReport


@dataclass(frozen=True, slots=True, kw_only=True)
class OutcomeRecorded(Event):
    outcome: Outcome
    notes: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractAdjustmentRequested(Event):
    """The app turns this into an amendment of the contract (a new version to sign)."""

    contract_id: UUID
    new_terms: AdjustedTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureEndRequested(Event):
    """The app ends the order and terminates the contract, then settles finally."""

    contract_id: UUID


FollowUpEvent = (
    FollowUpDue
    | StatusReportAttached
    | OutcomeRecorded
    | ContractAdjustmentRequested
    | MeasureEndRequested
)
