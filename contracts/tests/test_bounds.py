"""The largest events the bounds allow still fit one Kafka record (1 MiB with key and
headers): every list and text is bounded, and the bounds together leave room. An API that
accepts no more than these bounds can never make an event the relay cannot send."""

from __future__ import annotations

import math
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from samspil_contracts import (
    ActionPlanAdopted,
    ClaimSubmitted,
    IntegrationEvent,
    OrderPlaced,
    ProviderMaterialPublished,
    StatusReportSubmitted,
    encode,
)
from samspil_contracts.codec import MAX_PAYLOAD_BYTES
from samspil_contracts.common import (
    MAX_GOALS,
    MAX_LIST,
    MAX_QUANTITY,
    MAX_UNIT_PRICE_ORE,
    MeasureCode,
)
from samspil_contracts.testing import example_event

WIDE = "😀"  # four bytes in UTF-8: the most a character costs
HEADROOM = 64 * 1024  # what a producer adds per record (batch framing, compression header)


def text(length: int) -> str:
    return WIDE * length


def sealed(plain_characters: int) -> dict[str, str]:
    """A sealed box of that many four-byte characters (AES-GCM: +16 bytes tag, base64url)."""
    size = math.ceil((plain_characters * 4 + 16) * 4 / 3)
    return {
        "alg": "A256GCM",
        "kid": "child:" + "k" * 194,
        "nonce": "A" * 16,
        "ciphertext": "A" * size,
    }


def goals() -> list[dict[str, Any]]:
    return [
        {"goal_id": str(uuid.uuid4()), "area": "school", "description": text(4000)}
        for _ in range(MAX_GOALS)
    ]


def largest(cls: type[IntegrationEvent], **fields: Any) -> IntegrationEvent:
    return cls.model_validate(example_event(cls).model_dump(mode="json") | fields)


LARGEST = {
    "action plan": lambda: largest(ActionPlanAdopted, goals=goals()),
    "order": lambda: largest(
        OrderPlaced, goals=goals(), legal_basis=text(200), child=sealed(2 * 200 + 11)
    ),
    "status report": lambda: largest(
        StatusReportSubmitted,
        progress=[{"goal_id": str(uuid.uuid4()), "area": "school", "progress": "some_progress"}]
        * MAX_GOALS,
        narrative=sealed(20_000),
    ),
    "material": lambda: largest(
        ProviderMaterialPublished,
        name=text(200),
        offers=[
            {"measure": m.value, "price": {"amount_ore": MAX_UNIT_PRICE_ORE, "per": "hour"}}
            for m in MeasureCode
        ],
        time_horizons=[{"task": text(200), "days": 3650}] * MAX_LIST,
        method=text(4000),
        parents_and_network=text(4000),
        staff_qualifications=[text(200)] * MAX_LIST,
    ),
    "claim": lambda: largest(
        ClaimSubmitted,
        lines=[
            {
                "description": text(200),
                "quantity": MAX_QUANTITY,
                "unit": "hour",
                "unit_price_ore": MAX_UNIT_PRICE_ORE,
                "amount_ore": MAX_QUANTITY * MAX_UNIT_PRICE_ORE,
            }
        ]
        * MAX_LIST,
        total_ore=MAX_LIST * MAX_QUANTITY * MAX_UNIT_PRICE_ORE,
    ),
}


@pytest.mark.parametrize("name", sorted(LARGEST))
def test_the_largest_event_the_bounds_allow_fits_one_record(name: str) -> None:
    event = LARGEST[name]()
    record = encode(
        event,
        subject=event.partition_key(),
        revision=2**31 - 1,
        correlation_id=uuid.uuid4(),
        causation_id=uuid.uuid4(),
        producer="/samspil/authority",
        occurred_at=datetime.now(UTC),
        traceparent="00-" + "1" * 32 + "-" + "2" * 16 + "-01",
    )
    headers = sum(len(k) + len(v) for k, v in record.headers)
    assert len(record.key) + len(record.value) + headers + HEADROOM < MAX_PAYLOAD_BYTES


def test_a_list_one_longer_than_its_bound_is_refused() -> None:
    with pytest.raises(ValueError, match="at most"):
        largest(ActionPlanAdopted, goals=[*goals(), goals()[0]])
