"""The individual contract (individuel kontrakt), in force only when both parties signed."""

from authority.domain.contract.decide import decide
from authority.domain.contract.evolve import evolve
from authority.domain.contract.messages import (
    AmendContract,
    ContractAmended,
    ContractCommand,
    ContractCountersigned,
    ContractDrafted,
    ContractEvent,
    ContractSignedByAuthority,
    ContractTerminated,
    DeliveryStarted,
    DraftContract,
    RecordDeliveryStarted,
    RecordProviderCountersigned,
    SignAsAuthority,
    TerminateContract,
)
from authority.domain.contract.model import (
    Contact,
    ContractState,
    ContractTerms,
    Party,
    Termination,
    require_in_force,
    require_settleable,
)
from authority.domain.contract.terms import check_terms

__all__ = [
    "AmendContract",
    "Contact",
    "ContractAmended",
    "ContractCommand",
    "ContractCountersigned",
    "ContractDrafted",
    "ContractEvent",
    "ContractSignedByAuthority",
    "ContractState",
    "ContractTerminated",
    "ContractTerms",
    "DeliveryStarted",
    "DraftContract",
    "Party",
    "RecordDeliveryStarted",
    "RecordProviderCountersigned",
    "SignAsAuthority",
    "TerminateContract",
    "Termination",
    "check_terms",
    "decide",
    "evolve",
    "require_in_force",
    "require_settleable",
]
