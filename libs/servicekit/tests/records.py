"""Genuine inbound records for the pipeline's tests."""

from __future__ import annotations

from uuid import uuid4

from eventkit import Inbound
from samspil_contracts import OrderAccepted, encode
from samspil_contracts.testing import AT, example_event


def record(partition: int, offset: int) -> Inbound:
    """An OrderAccepted with a fresh event id, as consumed at ``partition``/``offset``."""
    wire = encode(
        example_event(OrderAccepted), subject="order-1", revision=1, correlation_id=uuid4(),
        producer="/samspil/test", occurred_at=AT,
    )  # fmt: skip
    return Inbound(wire.topic, partition, offset, wire.key, wire.value, wire.headers)
