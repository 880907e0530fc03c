"""Kafka topics of Samspil as eventkit specs: created idempotently when a service starts."""

from __future__ import annotations

from eventkit import TopicSpec as KafkaTopic
from eventkit import ensure_topics
from samspil_contracts import topics

DLQ_RETENTION_MS = str(30 * 24 * 3600 * 1000)  # a month to inspect and replay poison


def kafka_topics(prefix: str = "", partitions: int | None = None) -> list[KafkaTopic]:
    specs = []
    for spec in topics.topic_specs(partitions):
        configs: dict[str, str] = {"cleanup.policy": spec.cleanup_policy}
        if spec.name.endswith(".dlq"):
            configs["retention.ms"] = DLQ_RETENTION_MS
        specs.append(KafkaTopic(f"{prefix}{spec.name}", spec.partitions, 1, configs))
    return specs


async def create_all(
    bootstrap_servers: str, prefix: str = "", partitions: int | None = None
) -> None:
    await ensure_topics(bootstrap_servers, kafka_topics(prefix, partitions))


def subscriptions(service: str, prefix: str = "") -> list[str]:
    return [f"{prefix}{name}" for name in topics.consumed_by(service)]
