"""A contract's change requests (ændringsanmodning): received from the provider, granted or
refused by the caseworker."""

from authority.domain.change.amend import amended
from authority.domain.change.decide import decide, evolve
from authority.domain.change.messages import (
    ChangeCommand,
    ChangeEvent,
    ChangeGranted,
    ChangeRefused,
    ChangeRequestReceived,
    GrantChange,
    RecordChangeRequested,
    RefuseChange,
)
from authority.domain.change.model import (
    ChangeKind,
    ChangeRequest,
    ChangeStatus,
    ContractChanges,
    Proposal,
    RefusalReason,
)

__all__ = [
    "ChangeCommand",
    "ChangeEvent",
    "ChangeGranted",
    "ChangeKind",
    "ChangeRefused",
    "ChangeRequest",
    "ChangeRequestReceived",
    "ChangeStatus",
    "ContractChanges",
    "GrantChange",
    "Proposal",
    "RecordChangeRequested",
    "RefusalReason",
    "RefuseChange",
    "amended",
    "decide",
    "evolve",
]
