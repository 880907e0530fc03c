"""Executing scheduler commands: decide on the subject's deadline set, append, re-index."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any

from eventkit import UnitOfWork
from servicekit.aggregates import Aggregate, EventCodec, Loaded

from scheduler.app.ports import DeadlineIndex
from scheduler.domain import (
    CadenceSet,
    Command,
    DeadlineCancelled,
    DeadlineFired,
    DeadlineRescheduled,
    DeadlineScheduled,
    DeadlineSet,
    Event,
    Fire,
    FollowUpSeriesPaused,
    Rules,
    Subject,
    SubjectClosed,
    decide,
    due_occurrences,
    evolve,
)

EVENT_TYPES: tuple[type[Any], ...] = (
    DeadlineScheduled,
    DeadlineRescheduled,
    DeadlineCancelled,
    DeadlineFired,
    CadenceSet,
    FollowUpSeriesPaused,
    SubjectClosed,
)
CODEC: EventCodec[Event] = EventCodec(EVENT_TYPES)


class Deadlines:
    """The deadline-set aggregate with its index, one subject (one stream) at a time."""

    def __init__(self, index: DeadlineIndex, rules: Rules) -> None:
        self.index = index
        self.aggregate = self._with_rules(rules)

    @staticmethod
    def _with_rules(rules: Rules) -> Aggregate[Command, Event, DeadlineSet]:
        return Aggregate("deadlines", partial(decide, rules=rules), evolve, CODEC)

    async def fire_due(
        self, uow: UnitOfWork, subject: Subject, now: datetime, metadata: Mapping[str, Any]
    ) -> tuple[list[Event], Loaded[DeadlineSet]]:
        """Fire every phase of ``subject`` due by ``now`` with one load and one append."""
        stream = self.aggregate.stream(subject.key)
        current = self.aggregate.fold(await uow.load(stream))
        state, events = current.state, []
        for deadline, phase in due_occurrences(state, now):
            fire = Fire(subject=subject, deadline_id=deadline.deadline_id, phase=phase, at=now)
            for event in self.aggregate.decide(fire, state):
                state = self.aggregate.evolve(state, event)
                events.append(event)
        if not events or state is None:
            return [], current
        codec = self.aggregate.codec
        revision = await uow.append(
            stream, current.revision, [codec.to_new(e, metadata) for e in events]
        )
        changed = {e.deadline_id for e in events if isinstance(e, DeadlineFired)}
        await self.index.sync(uow.connection, state, only=changed)
        return events, Loaded(state, revision)

    async def execute(
        self,
        uow: UnitOfWork,
        command: Command,
        metadata: Mapping[str, Any],
        rules: Rules | None = None,
    ) -> tuple[list[Event], Loaded[DeadlineSet]]:
        """Decides ``command`` with ``rules`` (the municipality's; else those given at start)."""
        aggregate = self.aggregate if rules is None else self._with_rules(rules)
        events, loaded = await aggregate.execute(uow, command.subject.key, command, metadata)
        if events and loaded.state is not None:
            await self.index.sync(uow.connection, loaded.state)
        return events, loaded
