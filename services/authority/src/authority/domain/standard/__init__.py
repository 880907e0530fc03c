"""The standard contract (standardkontrakt) per measure type with one provider."""

from authority.domain.standard.decide import check_standard_terms, decide, evolve
from authority.domain.standard.messages import (
    DraftStandardContract,
    RecordStandardCountersigned,
    SignStandardAsAuthority,
    StandardCommand,
    StandardContractDrafted,
    StandardContractSigned,
    StandardEvent,
)
from authority.domain.standard.model import (
    GeneralTerms,
    MeasureTerms,
    ProviderDemands,
    StandardContractState,
    StandardTerms,
    require_framework_in_force,
)

__all__ = [
    "DraftStandardContract",
    "GeneralTerms",
    "MeasureTerms",
    "ProviderDemands",
    "RecordStandardCountersigned",
    "SignStandardAsAuthority",
    "StandardCommand",
    "StandardContractDrafted",
    "StandardContractSigned",
    "StandardContractState",
    "StandardEvent",
    "StandardTerms",
    "check_standard_terms",
    "decide",
    "evolve",
    "require_framework_in_force",
]
