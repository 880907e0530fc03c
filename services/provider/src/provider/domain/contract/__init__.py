"""The individual contract: in force when both parties signed its current version."""

from provider.domain.contract.aggregate import decide, evolve
from provider.domain.contract.model import (
    Contract,
    ContractCommand,
    ContractCountersigned,
    ContractEnded,
    ContractEvent,
    ContractFacts,
    ContractOfferReceived,
    ContractTerms,
    Countersign,
    GiveNotice,
    Notice,
    NoticeGiven,
    Party,
    ReceiveContractOffer,
    RecordEnded,
    RecordNotice,
    TerminationReason,
)

__all__ = [
    "Contract",
    "ContractCommand",
    "ContractCountersigned",
    "ContractEnded",
    "ContractEvent",
    "ContractFacts",
    "ContractOfferReceived",
    "ContractTerms",
    "Countersign",
    "GiveNotice",
    "Notice",
    "NoticeGiven",
    "Party",
    "ReceiveContractOffer",
    "RecordEnded",
    "RecordNotice",
    "TerminationReason",
    "decide",
    "evolve",
]
