"""A contract's change requests: extend, change scope or frequency, end early."""

from provider.domain.change.aggregate import decide, evolve
from provider.domain.change.model import (
    OPEN_ALREADY,
    ChangeAnswered,
    ChangeBasis,
    ChangeCommand,
    ChangeEvent,
    ChangeKind,
    ChangeRequest,
    ChangeRequested,
    ChangeStatus,
    ContractChanges,
    Proposal,
    RecordChangeAnswer,
    RequestChange,
)
from provider.domain.change.proposal import add_months

__all__ = [
    "OPEN_ALREADY",
    "ChangeAnswered",
    "ChangeBasis",
    "ChangeCommand",
    "ChangeEvent",
    "ChangeKind",
    "ChangeRequest",
    "ChangeRequested",
    "ChangeStatus",
    "ContractChanges",
    "Proposal",
    "RecordChangeAnswer",
    "RequestChange",
    "add_months",
    "decide",
    "evolve",
]
