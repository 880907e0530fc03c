"""Transient failures are told apart from the ones that would come back every time."""

from __future__ import annotations

import pytest
from aiokafka import errors as kafka
from eventkit import ConcurrencyError
from eventkit.failures import is_transient, is_unsendable
from sqlalchemy import exc as sa


class DriverError(Exception):
    """What asyncpg's errors look like through SQLAlchemy's adapter: a SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def wrapped(orig: Exception, kind: type[sa.DBAPIError] = sa.DBAPIError) -> sa.DBAPIError:
    return kind("INSERT ...", {}, orig)


@pytest.mark.parametrize(
    "error",
    [
        ConnectionRefusedError("refused"),
        TimeoutError(),
        ConcurrencyError("order-1", 3, 4),
        wrapped(DriverError("40001")),  # serialization failure
        wrapped(DriverError("40P01")),  # deadlock detected
        wrapped(DriverError("57P01")),  # admin shutdown
        wrapped(DriverError("08006")),  # connection failure
        wrapped(ValueError("x"), sa.OperationalError),
        sa.TimeoutError("pool exhausted"),
        kafka.KafkaConnectionError(),
        kafka.KafkaTimeoutError(),
        kafka.NotLeaderForPartitionError(),
    ],
)
def test_the_database_or_broker_being_away_is_transient(error: Exception) -> None:
    assert is_transient(error)


@pytest.mark.parametrize(
    "error",
    [
        OverflowError("date value out of range"),
        ValueError("bad"),
        KeyError("x"),
        RecursionError(),
        wrapped(DriverError("23505"), sa.IntegrityError),  # unique violation
        wrapped(DriverError("22001"), sa.DataError),  # string too long
    ],
)
def test_a_failure_of_the_work_itself_is_not(error: Exception) -> None:
    assert not is_transient(error)


def _raise(outer: Exception, *, caused: bool) -> None:
    try:
        raise ConnectionResetError
    except ConnectionResetError as reset:
        if caused:
            raise outer from reset
        raise outer  # noqa: B904 - the point: an error raised while handling another


def test_a_cause_counts_but_an_error_raised_while_handling_another_does_not() -> None:
    with pytest.raises(RuntimeError) as caused:
        _raise(RuntimeError("gave up"), caused=True)
    with pytest.raises(KeyError) as unrelated:
        _raise(KeyError("while logging"), caused=False)
    assert is_transient(caused.value)
    assert not is_transient(unrelated.value)


def test_only_a_refusal_of_the_record_itself_makes_it_unsendable() -> None:
    assert is_unsendable(kafka.MessageSizeTooLargeError())
    assert is_unsendable(kafka.InvalidTopicError())
    assert not is_unsendable(kafka.KafkaTimeoutError())
    assert not is_unsendable(kafka.TopicAuthorizationFailedError())
