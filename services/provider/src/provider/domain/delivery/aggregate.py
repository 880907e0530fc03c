"""decide / evolve for delivery."""

from __future__ import annotations

from dataclasses import replace

from provider.domain.common import (
    Role,
    not_foreign,
    own_contract,
    refuse,
    require_role,
    require_text,
    stamp,
)
from provider.domain.delivery.model import (
    OTHER,
    CreateTreatmentPlan,
    Delivery,
    DeliveryCommand,
    DeliveryCommandBase,
    DeliveryEvent,
    DeliveryStarted,
    DeliveryStopped,
    LogSession,
    SessionLog,
    SessionLogged,
    StartDelivery,
    StopDelivery,
    TreatmentPlanCreated,
)

MINUTES_PER_DAY = 24 * 60


def decide(command: DeliveryCommand, state: Delivery | None) -> list[DeliveryEvent]:
    not_foreign(state, command, "delivery")
    own_contract(command.contract, command, command.contract.contract_id)
    if state is not None and state.stopped_on is not None and not isinstance(command, LogSession):
        refuse("delivery_stopped", "The delivery has stopped.")
    match command:
        case CreateTreatmentPlan():
            return _plan(command, state)
        case StartDelivery():
            return _start(command, state)
        case LogSession():
            return _log(command, state)
        case StopDelivery():
            return _stop(command, state)


def _in_force(command: DeliveryCommandBase) -> None:
    if not command.contract.in_force:
        refuse("contract_not_in_force", "The contract is not signed by both parties.")


def _plan(command: CreateTreatmentPlan, state: Delivery | None) -> list[DeliveryEvent]:
    require_role(command, Role.COORDINATOR)
    _in_force(command)
    if not command.items:
        refuse("invalid_plan", "A treatment plan needs at least one item.")
    for item in command.items:
        require_text(item.activity, "activity")
        if item.goal_id not in command.contract.goal_ids:
            refuse("unknown_goal", f"Goal {item.goal_id} is not a goal of the contract.")
    version = 1 if state is None else state.plan_version + 1
    return [
        TreatmentPlanCreated(
            **stamp(command),
            contract_id=command.contract.contract_id,
            plan_version=version,
            items=command.items,
        )
    ]


def _start(command: StartDelivery, state: Delivery | None) -> list[DeliveryEvent]:
    require_role(command, Role.COORDINATOR)
    _in_force(command)
    if state is not None and state.started_on is not None:
        refuse("already_started", f"The delivery started on {state.started_on}.")
    return [
        DeliveryStarted(**stamp(command), contract_id=command.contract.contract_id, on=command.on)
    ]


def _log(command: LogSession, state: Delivery | None) -> list[DeliveryEvent]:
    require_role(command, Role.COORDINATOR, Role.STAFF)
    _in_force(command)
    if state is None or state.started_on is None:
        refuse("not_started", "The delivery has not started.")
    if any(s.session_id == command.session_id for s in state.sessions):
        return []  # a retried log
    if not 0 < command.minutes <= MINUTES_PER_DAY:
        refuse("invalid_duration", "A session lasts between 1 minute and 24 hours.")
    if command.on < state.started_on or command.on > command.at.date():
        refuse("invalid_date", "A session is logged between the start and today.")
    if state.stopped_on is not None and command.on > state.stopped_on:
        refuse("delivery_stopped", f"The delivery stopped on {state.stopped_on}.")
    session = SessionLog(command.session_id, command.on, command.minutes, command.note)
    return [SessionLogged(**stamp(command), contract_id=state.contract_id, session=session)]


def _stop(command: StopDelivery, state: Delivery | None) -> list[DeliveryEvent]:
    # Stopping is allowed even if the contract is no longer in force: help must be endable.
    require_role(command, Role.COORDINATOR)
    if command.reason_code == OTHER:
        require_text(command.reason, "reason")
    if state is None or state.started_on is None:
        refuse("not_started", "The delivery has not started.")
    if command.on < state.started_on:
        refuse("invalid_date", "The delivery cannot stop before it started.")
    return [
        DeliveryStopped(
            **stamp(command),
            contract_id=state.contract_id,
            on=command.on,
            reason=command.reason,
            reason_code=command.reason_code,
        )
    ]


def evolve(state: Delivery | None, event: DeliveryEvent) -> Delivery:
    if state is None:
        state = Delivery(tenant_id=event.tenant_id, contract_id=event.contract_id)
    match event:
        case TreatmentPlanCreated():
            return replace(state, plan_version=event.plan_version, plan=event.items)
        case DeliveryStarted():
            return replace(state, started_on=event.on)
        case SessionLogged():
            return replace(state, sessions=(*state.sessions, event.session))
        case DeliveryStopped():
            return replace(state, stopped_on=event.on)
