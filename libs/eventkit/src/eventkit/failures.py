"""Which failures pass by themselves (retry) and which come back every time (set aside).

*Transient*: the database or the broker is unreachable, restarting or overloaded, a
serializable transaction lost a race or a deadlock was broken, an optimistic append met a
newer revision. Trying the same thing again later can succeed, so such a failure never
makes a record or an outbox row poison, however often it repeats.

*Unsendable*: Kafka refuses the record itself (too large, an invalid topic name); it will
refuse it the same way next time. Everything else the broker answers (unreachable, not
authorised, timed out) is about the broker, and is retried.
"""

from __future__ import annotations

from collections.abc import Iterator

from aiokafka import errors as kafka
from sqlalchemy import exc as sa

from eventkit.model import ConcurrencyError

# SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization
# failure, deadlock), 53 insufficient resources, 57 operator intervention (admin or crash
# shutdown, cannot connect now), 58 system error (I/O).
_TRANSIENT_SQLSTATE = ("08", "40", "53", "57", "58")
_TRANSIENT_TYPES = (
    OSError,  # ConnectionError, refused or reset sockets, name resolution
    TimeoutError,
    ConcurrencyError,
    sa.OperationalError,
    sa.InterfaceError,
    sa.TimeoutError,  # the connection pool is exhausted
    sa.DisconnectionError,
    kafka.KafkaConnectionError,
    kafka.KafkaTimeoutError,
    kafka.NoBrokersAvailable,
)
# The broker refuses the record itself: sending it again fails again.
UNSENDABLE = (
    kafka.MessageSizeTooLargeError,
    kafka.RecordTooLargeError,
    kafka.RecordListTooLargeError,
    kafka.InvalidTopicError,
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, what it wraps (SQLAlchemy's ``orig``) and its causes, each once. Not the
    ``__context__``: an error raised while handling another is not that other."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, current.__cause__]


def is_transient(exc: BaseException) -> bool:
    """True if the failure is the database's or the broker's state, not the work's."""
    for error in _chain(exc):
        if isinstance(error, _TRANSIENT_TYPES):
            return True
        if isinstance(error, sa.DBAPIError) and error.connection_invalidated:
            return True
        if isinstance(error, kafka.KafkaError) and error.retriable:
            return True
        sqlstate = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
        if isinstance(sqlstate, str) and sqlstate[:2] in _TRANSIENT_SQLSTATE:
            return True
    return False


def is_unsendable(exc: BaseException) -> bool:
    """True if Kafka refused this record for what it is (it will never be accepted)."""
    return any(isinstance(error, UNSENDABLE) for error in _chain(exc))
