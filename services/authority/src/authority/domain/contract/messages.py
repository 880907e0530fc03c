"""Commands and events of an individual contract."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.contract.model import ContractTerms, Party, StopReason, TerminationReason


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftContract(Command):
    contract_id: UUID
    order_id: UUID
    case_id: UUID
    provider_id: UUID
    terms: ContractTerms
    standard_contract_id: UUID | None = None  # the framework this is an annex to


@dataclass(frozen=True, slots=True, kw_only=True)
class SignAsAuthority(Command):
    version: int | None = None  # the version the signer saw, when the client says


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordProviderCountersigned(Command):
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AmendContract(Command):
    """New terms make a new version that both parties must sign again."""

    terms: ContractTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class TerminateContract(Command):
    """Notice (opsigelse) by either party: in force through `effective_on` (the last day,
    counted by the party giving notice from `notice_given_on`), ended after it.

    `ends_measure`: the measure ended by decision at a follow-up (ophør), at once."""

    initiated_by: Party
    effective_on: date
    reason_code: TerminationReason = TerminationReason.OTHER
    notice_given_on: date | None = None  # None: the same day (immediate)
    text: str | None = None
    ends_measure: bool = False
    agreed: bool = False  # both parties agreed the end (a granted early end): may be today


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordContractEnded(Command):
    """The scheduler says the contract's last day under notice has passed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordDeliveryStarted(Command):
    started_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordDeliveryStopped(Command):
    stopped_on: date
    reason_code: StopReason
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordContractExpired(Command):
    """The scheduler's ``contract_expiry`` fell due: the contract ends at its expected end
    unless a version both signed has extended it past `expected_end`."""

    due_on: date  # the day the expiry deadline fell due (the end, rolled to a working day)
    today: date  # Copenhagen's date as the deadline fired: in force through the last day


ContractCommand = (
    DraftContract
    | SignAsAuthority
    | RecordProviderCountersigned
    | AmendContract
    | TerminateContract
    | RecordContractEnded
    | RecordContractExpired
    | RecordDeliveryStarted
    | RecordDeliveryStopped
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractDrafted(Event):
    contract_id: UUID
    order_id: UUID
    case_id: UUID
    provider_id: UUID
    terms: ContractTerms
    standard_contract_id: UUID | None = None  # None only in streams from before frameworks


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractSignedByAuthority(Event):
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractCountersigned(Event):
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractAmended(Event):
    version: int
    terms: ContractTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractTerminated(Event):
    """Notice given. Recorded before notice periods had only the first two fields: those
    ended the contract at once (read as notice given on the last day)."""

    initiated_by: Party
    effective_on: date  # the last day in force
    reason_code: TerminationReason = TerminationReason.OTHER
    notice_given_on: date | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractEnded(Event):
    """The last day under notice passed: the contract is no longer in force."""

    ended_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryStarted(Event):
    started_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryStopped(Event):
    stopped_on: date
    reason_code: StopReason
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LaterNoticeRecorded(Event):
    """The other party also gave notice, with a later last day: recorded, the earlier stands."""

    initiated_by: Party
    effective_on: date
    reason_code: TerminationReason = TerminationReason.OTHER
    notice_given_on: date | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractExpired(Event):
    """The contract reached its expected end: no longer in force, the order closed."""

    expired_on: date  # the last day in force


ContractEvent = (
    ContractDrafted
    | ContractSignedByAuthority
    | ContractCountersigned
    | ContractAmended
    | ContractTerminated
    | ContractEnded
    | ContractExpired
    | LaterNoticeRecorded
    | DeliveryStarted
    | DeliveryStopped
)
