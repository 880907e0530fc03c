"""The standard contract: the framework per measure, countersigned like an individual one."""

from provider.domain.standard.aggregate import decide, evolve
from provider.domain.standard.model import (
    CountersignStandard,
    ReceiveStandardOffer,
    StandardCommand,
    StandardContract,
    StandardCountersigned,
    StandardEvent,
    StandardOfferReceived,
    StandardTerms,
)

__all__ = [
    "CountersignStandard",
    "ReceiveStandardOffer",
    "StandardCommand",
    "StandardContract",
    "StandardCountersigned",
    "StandardEvent",
    "StandardOfferReceived",
    "StandardTerms",
    "decide",
    "evolve",
]
