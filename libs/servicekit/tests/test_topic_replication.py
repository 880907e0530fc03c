"""Topic replication comes from the deployment (1 on a dev broker, 3/2 in production)."""

from __future__ import annotations

from servicekit import topics
from servicekit.settings import ServiceSettings


def test_every_topic_is_created_with_the_configured_copies() -> None:
    # Given production settings as deploy/k8s renders them
    settings = ServiceSettings(kafka_replication_factor=3, kafka_min_insync_replicas=2)

    # When the service's topics are specified
    specs = topics.kafka_topics("", 6, topics.replication(settings))

    # Then each has three copies and needs two in sync for an acks=all write
    assert {spec.replication for spec in specs} == {3}
    assert {spec.configs["min.insync.replicas"] for spec in specs} == {"2"}


def test_a_development_broker_gets_single_copies_by_default() -> None:
    specs = topics.kafka_topics("", 1, topics.replication(ServiceSettings()))

    assert {(spec.replication, spec.configs["min.insync.replicas"]) for spec in specs} == {(1, "1")}
