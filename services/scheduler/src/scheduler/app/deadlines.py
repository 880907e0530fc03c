"""Executing scheduler commands: decide on the subject's deadline set, append, re-index."""

from __future__ import annotations

from collections.abc import Mapping
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
    FollowUpSeriesPaused,
    Rules,
    SubjectClosed,
    decide,
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
            new = loaded.revision == len(events)  # the stream began with these events
            await self.index.sync(uow.connection, loaded.state, new=new)
        return events, loaded
