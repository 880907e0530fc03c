"""The exact checks after a fault scenario, cheap at 10,000 orders: one query per service
over the order streams, one pass over each topic.

Each service's own event store tells whether an order was answered exactly once on its side
(a second effect would be a second event in the order's stream)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from samspil_contracts import topics

from tests.e2e.flows import ok
from tests.reliability.kafka_checks import header, records_to_end
from tests.reliability.workload import Workload, query

ACCEPTED = "dk.samspil.order.accepted"
PLACED = "dk.samspil.order.placed"

# The streams among $1 whose event types are not $2, in one query (10,000 ids at a time).
_NOT_AS_EXPECTED = """
select s.id as stream_id, array_remove(array_agg(e.type::text order by e.revision), null) as types
from unnest($1::text[]) as s(id) left join events e on e.stream_id = s.id
group by s.id having array_remove(array_agg(e.type::text order by e.revision), null) <> $2::text[]
"""


def not_as_expected(work: Workload, service: str, types: list[str]) -> dict[str, list[str]]:
    """Our order streams at ``service`` whose event types are not ``types``."""
    ids = [f"order-{o}" for o in work.order_ids]
    rows = query(work.stack.database_urls[service], _NOT_AS_EXPECTED, ids, types)
    return {row["stream_id"]: list(row["types"]) for row in rows}


@dataclass
class Figures:
    orders: int
    accepted_records: int
    distinct_accepted_ids: int
    placed_records: int
    distinct_placed_ids: int

    @property
    def duplicates_absorbed(self) -> int:
        return (self.accepted_records - self.distinct_accepted_ids) + (
            self.placed_records - self.distinct_placed_ids
        )


def assert_answered_exactly_once(work: Workload) -> Figures:
    """Every order: placed once and accepted once on both sides; at most duplicates of one id."""
    authority = not_as_expected(work, "authority", ["OrderPlaced", "OrderAccepted"])
    provider = not_as_expected(work, "provider", ["OrderReceived", "OrderAccepted"])
    assert not authority, (len(authority), sorted(authority.items())[:5])
    assert not provider, (len(provider), sorted(provider.items())[:5])
    inbox = ok(work.tenant.client.get("/orders", params={"limit": 500}))
    listed = Counter(str(o["order_id"]) for o in inbox)
    # the inbox lists 500 at most: then each of ours exactly once, else none of ours twice
    once = (
        all(listed[o] == 1 for o in work.order_ids)
        if len(listed) < 500
        else max(listed.values()) == 1
    )
    assert once, "an order is missing from the inbox or shows twice"
    return Figures(
        len(work.order_ids),
        *_per_order(work, topics.PROVIDER_ANSWERS, ACCEPTED),
        *_per_order(work, topics.AUTHORITY_ORDERS, PLACED),
    )


def _per_order(work: Workload, topic: str, event_type: str) -> tuple[int, int]:
    """(records, distinct event ids) of ``event_type`` about our orders; one id per order."""
    mine = set(work.order_ids)
    ids_per_order: dict[str, set[str]] = {}
    records = 0
    for r in records_to_end(work.stack.bootstrap, work.stack.topic_prefix + topic):
        subject = header(r, "ce_subject")
        if subject in mine and header(r, "ce_type") == event_type:
            records += 1
            ids_per_order.setdefault(subject, set()).add(str(header(r, "ce_id")))
    assert set(ids_per_order) == mine, f"{event_type}: missing {len(mine - set(ids_per_order))}"
    assert all(len(ids) == 1 for ids in ids_per_order.values()), f"{event_type} with two ids"
    return records, sum(len(ids) for ids in ids_per_order.values())
