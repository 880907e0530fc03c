"""Kafka topics of Samspil as eventkit specs: created idempotently when a service starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventkit import TopicSpec as KafkaTopic
from eventkit import ensure_topics
from samspil_contracts import topics

if TYPE_CHECKING:
    from servicekit.settings import ServiceSettings

DLQ_RETENTION_MS = str(30 * 24 * 3600 * 1000)  # a month to inspect and replay poison
HOUR_MS, DAY_MS = 3600 * 1000, 24 * 3600 * 1000
# A wrapped child key must leave the log soon after its tombstone: segments roll hourly (the
# active segment is never compacted), compaction is due within a day of a write, and the
# tombstone itself is kept a day for consumers that were away.
PROMPT_COMPACTION = {
    "segment.ms": str(HOUR_MS),
    "max.compaction.lag.ms": str(DAY_MS),
    "min.cleanable.dirty.ratio": "0.01",
    "delete.retention.ms": str(DAY_MS),
}


@dataclass(frozen=True)
class Replication:
    """Copies of each topic, and how many must hold a write before ``acks=all`` succeeds."""

    factor: int = 1
    min_insync: int = 1

    def configs(self) -> dict[str, str]:
        return {"min.insync.replicas": str(self.min_insync)}


SINGLE_COPY = Replication()  # a development broker


def replication(settings: ServiceSettings) -> Replication:
    return Replication(settings.kafka_replication_factor, settings.kafka_min_insync_replicas)


def kafka_topics(
    prefix: str = "", partitions: int | None = None, copies: Replication = SINGLE_COPY
) -> list[KafkaTopic]:
    specs = []
    for spec in topics.topic_specs(partitions):
        configs = {"cleanup.policy": spec.cleanup_policy, **copies.configs()}
        if topics.is_dlq(spec.name):
            configs["retention.ms"] = DLQ_RETENTION_MS
        elif spec.name == topics.AUTHORITY_CHILD_KEYS:
            configs |= PROMPT_COMPACTION
        specs.append(KafkaTopic(f"{prefix}{spec.name}", spec.partitions, copies.factor, configs))
    return specs


async def create_all(
    bootstrap_servers: str,
    prefix: str = "",
    partitions: int | None = None,
    copies: Replication = SINGLE_COPY,
) -> None:
    await ensure_topics(bootstrap_servers, kafka_topics(prefix, partitions, copies))


def subscriptions(service: str, prefix: str = "") -> list[str]:
    return [f"{prefix}{name}" for name in topics.consumed_by(service)]
