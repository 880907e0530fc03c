"""How often a record may fail before it is poison, and what its dead letter says.

A handler that fails the same way on every delivery (a bug, a rule the data breaks) would
hold its partition forever; after ``max_attempts`` such failures the record is
dead-lettered with the exception's type, and the partition moves on. A transient failure
(``eventkit.failures.is_transient``: database or broker down, a lost race) is retried as
long as it lasts and never counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventkit import Inbound

from servicekit.logging import CPR_PATTERN

_REMEMBERED = 10_000  # records with failures kept track of; more means something is off


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 3  # deterministic failures of one record before it is dead-lettered
    pause_seconds: float = 1.0  # how long a partition rests after a failure

    @property
    def budget_seconds(self) -> float:
        """The longest a poison record holds its partition (plus one fetch)."""
        return self.max_attempts * self.pause_seconds


class Attempts:
    """Deterministic failures per record (topic, partition, offset) in this process.

    After a restart or a rebalance the count starts again: a poison record then costs its
    partition one more budget, never more than that per consumer.
    """

    def __init__(self) -> None:
        self._failed: dict[tuple[str, int, int], int] = {}

    def failed(self, record: Inbound) -> int:
        """Count one more failure of ``record``; how many it has had."""
        if len(self._failed) >= _REMEMBERED:
            self._failed.clear()
        where = (record.topic, record.partition, record.offset)
        self._failed[where] = self._failed.get(where, 0) + 1
        return self._failed[where]

    def forget(self, record: Inbound) -> None:
        self._failed.pop((record.topic, record.partition, record.offset), None)


def failure_reason(exc: BaseException, attempts: int) -> str:
    """Why a record was given up: the exception's type and, for a domain refusal, its code
    and message. Never other exception texts: they may quote input (SQL parameters,
    names)."""
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    code, message = getattr(exc, "code", None), getattr(exc, "message", None)
    said = ""
    if isinstance(code, str) and isinstance(message, str):
        said = f" {code}: {CPR_PATTERN.sub('[cpr]', message)[:300]}"
    return f"handler failed {attempts} times: {name}{said}"
