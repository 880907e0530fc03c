"""The deadline-set aggregate on the decider kit: one stream per subject, the index its
read model, decided with the rules of the subject's municipality."""

from __future__ import annotations

from functools import partial
from typing import TypeVar

from eventkit import Transaction
from servicekit.acting import Acting, Actor
from servicekit.codec import EventCodec
from servicekit.decider import Decider
from servicekit.handler import Announcing, Change, CommandHandler
from servicekit.streams import EventStream

from scheduler.app.ports import DeadlineIndex
from scheduler.domain import (
    DEFAULT_RULES,
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
    Subject,
    SubjectClosed,
    decide,
    evolve,
)

A = TypeVar("A", bound=Actor)
EVENT_TYPES: tuple[type[Event], ...] = (
    DeadlineScheduled,
    DeadlineRescheduled,
    DeadlineCancelled,
    DeadlineFired,
    CadenceSet,
    FollowUpSeriesPaused,
    SubjectClosed,
)
STREAMS: EventStream[Event, DeadlineSet] = EventStream("deadlines", EventCodec(EVENT_TYPES))


def stream_id(subject: Subject) -> str:
    return STREAMS.stream_id(subject.key)


def decider(subject: Subject, rules: Rules) -> Decider[Command, Event, DeadlineSet]:
    """The subject's deadline set, from its empty set, decided with ``rules``."""
    return Decider(DeadlineSet(subject), partial(decide, rules=rules), evolve)


class Deadlines:
    def __init__(
        self,
        index: DeadlineIndex,
        rules: Rules = DEFAULT_RULES,
        announcing: Announcing[Event, DeadlineSet] | None = None,
    ) -> None:
        """``announcing``: the integration events a change publishes, if any."""
        self.index, self.rules, self.announcing = index, rules, announcing

    async def execute(
        self, tx: Transaction, command: Command, acting: Acting[A], rules: Rules | None = None
    ) -> Change[Event, DeadlineSet]:
        """Decides ``command`` with ``rules`` (the municipality's; else those given at
        start) through the kit's command handler, re-indexing the subject."""
        subject = command.subject
        handler = CommandHandler(
            STREAMS, decider(subject, rules or self.rules), self.index, self.announcing
        )
        return await handler.handle(tx, subject.key, command, acting)
