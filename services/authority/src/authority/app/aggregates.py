"""The authority's aggregates, and one way to run a command: decide, append, project, publish."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar, get_args
from uuid import UUID

from eventkit import ConcurrencyError, EventStore, OutboxMessage, UnitOfWork
from samspil_contracts import IntegrationEvent
from servicekit.aggregates import Aggregate, EventCodec, Loaded
from servicekit.publishing import Publisher
from servicekit.statecache import StateCache

from authority.app.acting import Acting
from authority.app.casefile_codec import CaseFileCodec
from authority.app.keyring import Keyring
from authority.app.notification_codec import NotificationCodec
from authority.app.personal import PersonalCodec, persons_in_clear
from authority.app.ports import Views
from authority.domain import (
    case,
    casefile,
    change,
    concern,
    contract,
    followup,
    notification,
    order,
    settlement,
    standard,
)

AnyAggregate = Aggregate[Any, Any, Any]


def _codec(union: Any) -> EventCodec[Any]:
    return EventCodec(get_args(union))


@dataclass(frozen=True)
class Aggregates:
    case: AnyAggregate
    order: AnyAggregate
    contract: AnyAggregate
    followup: AnyAggregate
    concern: AnyAggregate
    claim: AnyAggregate
    standard: AnyAggregate
    notification: AnyAggregate
    casefile: AnyAggregate
    change: AnyAggregate  # a contract's change requests, keyed by the contract id

    @classmethod
    def create(cls, keyring: Keyring, cache: StateCache | None = None) -> Aggregates:
        """``cache``: recently folded states of the case and order streams (the ones every
        order reads and writes)."""
        case_codec = PersonalCodec(get_args(case.CaseEvent), keyring)
        return cls(
            case=Aggregate(
                "case", case.decide, case.evolve, case_codec, cache, cacheable=persons_in_clear
            ),
            order=Aggregate("order", order.decide, order.evolve, _codec(order.OrderEvent), cache),
            contract=Aggregate(
                "contract", contract.decide, contract.evolve, _codec(contract.ContractEvent)
            ),
            followup=Aggregate(
                "followup", followup.decide, followup.evolve, _codec(followup.FollowUpEvent)
            ),
            concern=Aggregate(
                "concern", concern.decide, concern.evolve, _codec(concern.ConcernEvent)
            ),
            claim=Aggregate(
                "claim", settlement.decide, settlement.evolve, _codec(settlement.ClaimEvent)
            ),
            standard=Aggregate(
                "standard", standard.decide, standard.evolve, _codec(standard.StandardEvent)
            ),
            notification=Aggregate(
                "notification",
                notification.decide,
                notification.evolve,
                NotificationCodec(get_args(notification.NotificationEvent), keyring),
            ),
            casefile=Aggregate(
                "casefile",
                casefile.decide,
                casefile.evolve,
                CaseFileCodec(get_args(casefile.CaseFileEvent), keyring),
            ),
            change=Aggregate("change", change.decide, change.evolve, _codec(change.ChangeEvent)),
        )

    def all(self) -> list[AnyAggregate]:
        return [getattr(self, field.name) for field in fields(self)]

    def for_stream(self, stream_id: str) -> AnyAggregate | None:
        category = stream_id.split("-", 1)[0]
        return next((a for a in self.all() if a.category == category), None)


T = TypeVar("T")
ATTEMPTS = 3  # a conflict with the system's own appends, decided again this often


@dataclass(frozen=True)
class Ran:
    """An aggregate after a command: its state (typed by the caller) and revision."""

    state: Any
    revision: int


class Kit:
    """What every use case needs: the store, aggregates, read models, keys and the outbox."""

    def __init__(
        self,
        store: EventStore,
        aggregates: Aggregates,
        views: Views,
        keyring: Keyring,
        publisher: Publisher,
        municipality: str | None = None,
    ) -> None:
        self.store, self.aggregates, self.views = store, aggregates, views
        self.keyring, self.publisher, self.municipality = keyring, publisher, municipality

    async def transact(self, acting: Acting, work: Callable[[UnitOfWork], Awaitable[T]]) -> T:
        """``work`` in one unit of work. A caseworker who named no revision acted on what
        they saw: when the system appended meanwhile (a provider's start of delivery, the
        scheduler's due date), the command is decided again on the new state (its rules
        still hold), not refused as stale. A named revision is the client's own check, and
        its conflict stays a 409."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                async with self.store.unit_of_work() as uow:
                    return await work(uow)
            except ConcurrencyError:
                if acting.expected_revision is not None or attempt == ATTEMPTS:
                    raise
        raise AssertionError("unreachable")

    async def load(self, aggregate: AnyAggregate, key: UUID, as_of: Any = None) -> Loaded[Any]:
        return await aggregate.load(self.store, key, as_of=as_of)

    async def run(
        self,
        uow: UnitOfWork,
        aggregate: AnyAggregate,
        key: UUID,
        command: Any,
        acting: Acting,
        current: Loaded[Any] | Ran | None = None,
    ) -> tuple[list[Any], Ran]:
        """Decide on the state this transaction sees, append and project. ``current`` is
        the result of the command the caller just ran on the same stream: the client's
        revision was checked by that first command, so this one follows on from it."""
        expected = acting.expected_revision if current is None else None
        if current is None:
            current = await aggregate.current(uow, key)
        events = list(aggregate.decide(command, current.state))
        if not events:
            return events, Ran(current.state, current.revision)
        expected = current.revision if expected is None else expected
        new_events = await aggregate.codec.encode(events, acting.metadata())
        revision = await uow.append(aggregate.stream(key), expected, new_events)
        state = current.state
        for event in events:
            state = aggregate.evolve(state, event)
        await self.views.save(uow.connection, state, revision)
        return events, Ran(state, revision)

    async def publish(
        self, uow: UnitOfWork, acting: Acting, event: IntegrationEvent, revision: int
    ) -> None:
        await uow.enqueue([self.message(acting, event, revision)])

    async def publish_all(
        self, uow: UnitOfWork, acting: Acting, events: Sequence[tuple[IntegrationEvent, int]]
    ) -> None:
        """Several events (each with its subject's revision) in one statement, in order."""
        await uow.enqueue([self.message(acting, event, revision) for event, revision in events])

    def message(self, acting: Acting, event: IntegrationEvent, revision: int) -> OutboxMessage:
        """``event`` as the outbox carries it: a reply to the cause, else in the request's
        correlation."""
        event = self._in_municipality(event)
        subject = event.partition_key()
        if acting.cause is not None:
            return self.publisher.reply_message(
                acting.cause, event, subject=subject, revision=revision, occurred_at=acting.at
            )
        return self.publisher.message(
            event,
            subject=subject,
            revision=revision,
            correlation_id=acting.correlation_id,
            occurred_at=acting.at,
        )

    def _in_municipality(self, event: IntegrationEvent) -> IntegrationEvent:
        """Names this authority's municipality on every event that has room for it, so the
        scheduler counts that event's deadlines with the municipality's rules."""
        if "municipality" not in type(event).model_fields or self.municipality is None:
            return event
        if getattr(event, "municipality", None) is not None:
            return event
        return event.model_validate({**event.model_dump(), "municipality": self.municipality})
