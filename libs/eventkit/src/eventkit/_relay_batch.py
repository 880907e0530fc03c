"""One turn of the relay: a batch of outbox rows sent, and sorted by what Kafka answered."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaProducer
from sqlalchemy import Row

from eventkit import outbox_dead_letters
from eventkit.failures import is_unsendable

_NOT_TRIED = RuntimeError("not sent: an earlier row of the batch failed")


@dataclass(frozen=True)
class Turn:
    """One batch sorted out: rows delivered, rows Kafka refused for good (and why), rows
    left unsent from the first other failure on (which is kept to raise)."""

    sent: list[Row[Any]]
    refused: list[tuple[Row[Any], str]]
    unsent: list[Row[Any]]
    failure: BaseException | None

    @classmethod
    def of(cls, rows: list[Row[Any]], errors: list[BaseException | None]) -> Turn:
        sent: list[Row[Any]] = []
        refused: list[tuple[Row[Any], str]] = []
        unsent: list[Row[Any]] = []
        failure: BaseException | None = None
        for row, error in zip(rows, errors, strict=True):
            if error is not None and is_unsendable(error):
                refused.append((row, outbox_dead_letters.reason_for(error)))
            elif failure is not None or error is not None:
                # after a failure a delivered row is sent again: order per key holds
                failure = failure or error
                unsent.append(row)
            else:
                sent.append(row)
        return cls(sent, refused, unsent, failure)


async def send_batch(producer: AIOKafkaProducer, rows: list[Row[Any]]) -> Turn:
    return Turn.of(rows, await _send(producer, rows))


async def _send(producer: AIOKafkaProducer, rows: list[Row[Any]]) -> list[BaseException | None]:
    """What Kafka answered for each row: None (acknowledged) or the error.

    The whole batch is queued first (in id order, so per key order holds), then awaited.
    A row refused before it was queued (too large) does not stop the others; any other
    error does (the broker is away): the rows after it are not tried.
    """
    queued: list[Any] = []
    for row in rows:
        try:
            queued.append(
                await producer.send(
                    row.topic,
                    value=row.value or None,  # an empty value is a tombstone (compacted)
                    key=row.key,
                    headers=[(name, base64.b64decode(value)) for name, value in row.headers],
                )
            )
        except Exception as error:
            queued.append(error)
            if not is_unsendable(error):
                break
    waiting = [q for q in queued if not isinstance(q, BaseException)]
    answers = iter(await asyncio.gather(*waiting, return_exceptions=True))
    results = [q if isinstance(q, BaseException) else next(answers) for q in queued]
    return [r if isinstance(r, BaseException) else None for r in results] + [_NOT_TRIED] * (
        len(rows) - len(queued)
    )
