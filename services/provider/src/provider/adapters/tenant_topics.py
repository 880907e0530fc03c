"""A tenant's own Kafka topics, created with the tenant.

In production the broker's ACLs are granted on the same prefix, per tenant principal (see
the README); the topics are the part the service does itself, idempotently.
"""

from __future__ import annotations

from uuid import UUID

from eventkit import TopicSpec, ensure_topics
from samspil_contracts.tenant import tenant_topics
from samspil_contracts.topics import is_dlq
from servicekit.topics import DLQ_RETENTION_MS, SINGLE_COPY, Replication


class TenantTopics:
    def __init__(
        self,
        bootstrap_servers: str,
        prefix: str,
        partitions: int = 3,
        copies: Replication = SINGLE_COPY,
    ) -> None:
        self.bootstrap, self.prefix, self.partitions = bootstrap_servers, prefix, partitions
        self.copies = copies

    def specs(self, tenant_id: UUID) -> list[TopicSpec]:
        specs = []
        for name in tenant_topics(tenant_id, self.prefix):
            configs = self.copies.configs()
            if is_dlq(name):
                configs["retention.ms"] = DLQ_RETENTION_MS
            specs.append(TopicSpec(name, self.partitions, self.copies.factor, configs))
        return specs

    async def provision(self, tenant_id: UUID) -> None:
        await ensure_topics(self.bootstrap, self.specs(tenant_id))
