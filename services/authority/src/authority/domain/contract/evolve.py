"""Fold contract events into the contract state."""

from dataclasses import replace
from datetime import datetime

from authority.domain.contract.messages import (
    ContractAmended,
    ContractCountersigned,
    ContractDrafted,
    ContractEnded,
    ContractEvent,
    ContractExpired,
    ContractSignedByAuthority,
    ContractTerminated,
    DeliveryStarted,
    DeliveryStopped,
    LaterNoticeRecorded,
)
from authority.domain.contract.model import ContractState, DeliveryStop, Termination


def evolve(state: ContractState | None, event: ContractEvent) -> ContractState:
    if isinstance(event, ContractDrafted):
        return ContractState(
            contract_id=event.contract_id,
            order_id=event.order_id,
            case_id=event.case_id,
            provider_id=event.provider_id,
            versions=(event.terms,),
            standard_contract_id=event.standard_contract_id,
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} before ContractDrafted: the stream is corrupt")
    match event:
        case ContractSignedByAuthority(version=version, at=at):
            return _in_force_when_both(replace(state, authority_signed=version), at)
        case ContractCountersigned(version=version, at=at):
            return _in_force_when_both(replace(state, provider_signed=version), at)
        case ContractAmended(terms=terms):
            # Earlier signatures stay recorded against their versions; they do not carry over,
            # and the version both signed stays in force until both sign the new one.
            return replace(state, versions=(*state.versions, terms))
        case ContractTerminated() | ContractEnded() | ContractExpired() | LaterNoticeRecorded():
            return _notice(state, event)
        case DeliveryStarted() | DeliveryStopped():
            return _delivery(state, event)


def _notice(
    state: ContractState,
    event: ContractTerminated | ContractEnded | ContractExpired | LaterNoticeRecorded,
) -> ContractState:
    if isinstance(event, ContractExpired):
        return replace(state, expired_on=event.expired_on)
    if isinstance(event, LaterNoticeRecorded):
        return replace(state, other_notice=_termination(event))
    if isinstance(event, ContractTerminated):
        # the other party's notice with an earlier last day: it wins, the first is kept beside
        other = state.termination if state.termination is not None else state.other_notice
        return replace(state, termination=_termination(event), other_notice=other)
    assert state.termination is not None
    return replace(state, termination=replace(state.termination, ended=True))


def _termination(event: ContractTerminated | LaterNoticeRecorded) -> Termination:
    given_on = event.notice_given_on or event.effective_on
    return Termination(
        initiated_by=event.initiated_by,
        effective_on=event.effective_on,
        reason=event.reason or "",
        reason_code=event.reason_code,
        notice_given_on=given_on,
        text=event.text,
        ended=given_on == event.effective_on,  # without a period it ends at once
    )


def _delivery(state: ContractState, event: DeliveryStarted | DeliveryStopped) -> ContractState:
    if isinstance(event, DeliveryStarted):
        return replace(state, delivery_started_on=event.started_on)
    stop = DeliveryStop(event.stopped_on, event.reason_code, event.text)
    return replace(state, delivery_stop=stop)


def _in_force_when_both(state: ContractState, at: datetime) -> ContractState:
    both = state.authority_signed
    if both is None or both != state.provider_signed or both == state.in_force_version:
        return state
    since = (*state.in_force_from, (both, at))
    return replace(state, in_force_version=both, in_force_from=since)
