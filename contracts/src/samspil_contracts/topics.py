"""Every Kafka topic Samspil uses, declared once as data.

Services create topics from :func:`topic_specs` and the AsyncAPI document is generated
from it, so the two cannot drift. The key field keeps per-aggregate order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

AUTHORITY = "authority"
PROVIDER = "provider"
SCHEDULER = "scheduler"

DEFAULT_PARTITIONS = 6


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    key: str  # event field whose value is the record key
    producer: str
    consumers: tuple[str, ...]
    partitions: int = DEFAULT_PARTITIONS
    cleanup_policy: Literal["delete", "compact"] = "delete"
    description: str = ""


DLQ_SUFFIX = ".dlq"


def dlq(topic: str) -> str:
    """Where records of ``topic`` that cannot be applied are parked (the one naming rule of
    dead-letter topics: services, tenants' topics, the DLQ tool and AsyncAPI all use it).
    A dead-letter topic is its own: ``dlq(dlq(t)) == dlq(t)``."""
    return topic if is_dlq(topic) else f"{topic}{DLQ_SUFFIX}"


def is_dlq(topic: str) -> bool:
    return topic.endswith(DLQ_SUFFIX)


def dlq_source(topic: str) -> str:
    """The topic whose dead letters ``topic`` holds (``topic`` itself if it is none)."""
    return topic.removesuffix(DLQ_SUFFIX)


_A, _P, _S = AUTHORITY, PROVIDER, SCHEDULER

AUTHORITY_ORDERS = "samspil.authority.orders.v1"
AUTHORITY_CONTRACTS = "samspil.authority.contracts.v1"
AUTHORITY_CASES = "samspil.authority.cases.v1"
AUTHORITY_SETTLEMENTS = "samspil.authority.settlements.v1"
AUTHORITY_CHILD_KEYS = "samspil.authority.child-keys.v1"
AUTHORITY_NOTIFICATIONS = "samspil.authority.notifications.v1"
PROVIDER_ANSWERS = "samspil.provider.answers.v1"
PROVIDER_CONTRACTS = "samspil.provider.contracts.v1"
PROVIDER_DELIVERY = "samspil.provider.delivery.v1"
PROVIDER_CLAIMS = "samspil.provider.claims.v1"
PROVIDER_MATERIAL = "samspil.provider.material.v1"
SCHEDULER_DEADLINES = "samspil.scheduler.deadlines.v1"

# The scheduler listens wherever a deadline starts or stops: answers stop the answer
# deadline, settlements start the payment deadline.
TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(AUTHORITY_ORDERS, "order_id", _A, (_P, _S), description="Orders of measures"),
    TopicSpec(AUTHORITY_CONTRACTS, "contract_id", _A, (_P, _S), description="Contract offers"),
    TopicSpec(AUTHORITY_CASES, "case_id", _A, (_P, _S), description="Case milestones"),
    TopicSpec(AUTHORITY_SETTLEMENTS, "claim_id", _A, (_P, _S), description="Claim decisions"),
    TopicSpec(
        AUTHORITY_NOTIFICATIONS,
        "notification_id",
        _A,
        (_S,),
        description="Notifications of concern (underretninger) and their assessment and receipt",
    ),
    TopicSpec(
        AUTHORITY_CHILD_KEYS,
        "grant",
        _A,
        (_P,),
        cleanup_policy="compact",
        description="Each child's data key wrapped per provider (compacted; tombstone on erasure)",
    ),
    TopicSpec(PROVIDER_ANSWERS, "order_id", _P, (_A, _S), description="Answers to orders"),
    TopicSpec(PROVIDER_CONTRACTS, "contract_id", _P, (_A, _S), description="Countersignatures"),
    TopicSpec(PROVIDER_DELIVERY, "contract_id", _P, (_A, _S), description="Delivery and reports"),
    TopicSpec(PROVIDER_CLAIMS, "claim_id", _P, (_A, _S), description="Payment claims"),
    TopicSpec(
        PROVIDER_MATERIAL,
        "provider_id",
        _P,
        (_A,),
        cleanup_policy="compact",
        description="Latest published material per provider (compacted)",
    ),
    TopicSpec(SCHEDULER_DEADLINES, "subject", _S, (_A, _P), description="Deadlines reached"),
)

_BY_NAME = {t.name: t for t in TOPICS}


def spec(name: str) -> TopicSpec:
    """The spec of a topic by name; ``KeyError`` for a topic Samspil does not have."""
    return _BY_NAME[name]


def topic_specs(partitions: int | None = None, *, include_dlq: bool = True) -> list[TopicSpec]:
    """All topics to create; ``partitions`` overrides the count (tests use 1)."""
    specs = [t if partitions is None else replace(t, partitions=partitions) for t in TOPICS]
    if include_dlq:
        # Dead letters are kept (never compacted) so each poison record can be inspected.
        specs += [
            replace(t, name=dlq(t.name), cleanup_policy="delete", description="Dead letters")
            for t in specs
        ]
    return specs


def consumed_by(service: str) -> list[str]:
    """The topic names ``service`` subscribes to."""
    return [t.name for t in TOPICS if service in t.consumers]


def produced_by(service: str) -> list[str]:
    return [t.name for t in TOPICS if t.producer == service]
