"""Commands and events of a standard contract."""

from dataclasses import dataclass
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.contract.model import Party
from authority.domain.standard.model import StandardTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftStandardContract(Command):
    standard_contract_id: UUID
    provider_id: UUID
    terms: StandardTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class SignStandardAsAuthority(Command):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordStandardCountersigned(Command):
    pass


StandardCommand = DraftStandardContract | SignStandardAsAuthority | RecordStandardCountersigned


@dataclass(frozen=True, slots=True, kw_only=True)
class StandardContractDrafted(Event):
    standard_contract_id: UUID
    provider_id: UUID
    terms: StandardTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class StandardContractSigned(Event):
    party: Party


StandardEvent = StandardContractDrafted | StandardContractSigned
