"""Decide and evolve for concerns: received once, acknowledged once."""

from dataclasses import replace

from authority.domain.audit import CASEWORK, require_role, stamp
from authority.domain.concern.messages import (
    AcknowledgeConcern,
    ConcernAcknowledged,
    ConcernCommand,
    ConcernEvent,
    ConcernReceived,
    RecordConcernReceived,
)
from authority.domain.concern.model import ConcernState
from authority.domain.errors import DomainError, require, require_text


def decide(command: ConcernCommand, state: ConcernState | None) -> list[ConcernEvent]:
    match command:
        case RecordConcernReceived():
            require(state is None, "concern_exists", "this concern is already recorded")
            return [
                ConcernReceived(
                    **stamp(command),
                    concern_id=command.concern_id,
                    case_id=command.case_id,
                    contract_id=command.contract_id,
                    kind=command.kind,
                    urgency=command.urgency,
                    summary=require_text(command.summary, "summary"),
                )
            ]
        case AcknowledgeConcern():
            require_role(command, CASEWORK)
            if state is None:
                raise DomainError("concern_not_found", "the concern does not exist")
            require(
                not state.acknowledged,
                "concern_already_acknowledged",
                "the concern is already acknowledged",
            )
            return [ConcernAcknowledged(**stamp(command))]


def evolve(state: ConcernState | None, event: ConcernEvent) -> ConcernState:
    if isinstance(event, ConcernReceived):
        return ConcernState(
            concern_id=event.concern_id,
            case_id=event.case_id,
            contract_id=event.contract_id,
            kind=event.kind,
            urgency=event.urgency,
            summary=event.summary,
            received_at=event.at,
        )
    if state is None:
        raise ValueError("ConcernAcknowledged before ConcernReceived: the stream is corrupt")
    return replace(state, acknowledged_by=event.actor.user_id, acknowledged_at=event.at)
