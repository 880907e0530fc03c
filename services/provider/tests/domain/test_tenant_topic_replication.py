"""A tenant's topics get the deployment's replication, like the services' own topics."""

from __future__ import annotations

from uuid import uuid4

from provider.adapters.tenant_topics import TenantTopics
from samspil_contracts.topics import is_dlq
from servicekit.topics import Replication


def test_a_tenants_topics_are_replicated_as_the_deployment_says() -> None:
    # Given a production deployment: three copies, two in sync for a write to count
    channels = TenantTopics("kafka:9092", "p.", 3, Replication(factor=3, min_insync=2))

    # When a new tenant's topics are specified
    specs = channels.specs(uuid4())

    # Then every one of them is replicated so, the dead letters kept longer
    assert specs
    assert {spec.replication for spec in specs} == {3}
    assert {spec.configs["min.insync.replicas"] for spec in specs} == {"2"}
    assert any("retention.ms" in spec.configs for spec in specs if is_dlq(spec.name))
