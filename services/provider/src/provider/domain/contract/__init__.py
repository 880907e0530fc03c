"""The individual contract: in force when both parties signed its current version."""

from provider.domain.contract.aggregate import decide, evolve
from provider.domain.contract.model import (
    Contract,
    ContractCommand,
    ContractCountersigned,
    ContractEvent,
    ContractFacts,
    ContractOfferReceived,
    ContractTerms,
    Countersign,
    ReceiveContractOffer,
)

__all__ = [
    "Contract",
    "ContractCommand",
    "ContractCountersigned",
    "ContractEvent",
    "ContractFacts",
    "ContractOfferReceived",
    "ContractTerms",
    "Countersign",
    "ReceiveContractOffer",
    "decide",
    "evolve",
]
