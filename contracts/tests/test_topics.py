"""Topics are declared once, and every event has one."""

from samspil_contracts import EVENT_TYPES, dlq, topics


def test_every_event_goes_to_a_declared_topic_and_every_topic_carries_events() -> None:
    declared = {spec.name for spec in topics.TOPICS}
    used = {cls.topic for cls in EVENT_TYPES}

    assert used == declared


def test_dead_letters_live_next_to_their_topic() -> None:
    assert dlq("samspil.authority.orders.v1") == "samspil.authority.orders.v1.dlq"
    assert dlq("samspil.authority.orders.v1.dlq") == "samspil.authority.orders.v1.dlq"
    assert topics.dlq_source("samspil.authority.orders.v1.dlq") == "samspil.authority.orders.v1"
    assert topics.is_dlq("x.dlq")
    assert not topics.is_dlq("x")


def test_specs_have_six_partitions_unless_overridden() -> None:
    default = topics.topic_specs(include_dlq=False)
    for_tests = topics.topic_specs(partitions=1)

    assert {spec.partitions for spec in default} == {6}
    assert {spec.partitions for spec in for_tests} == {1}
    assert len(for_tests) == 2 * len(default)


def test_only_material_and_child_keys_are_compacted_and_dead_letters_never_are() -> None:
    specs = topics.topic_specs()

    compacted = [spec.name for spec in specs if spec.cleanup_policy == "compact"]

    assert compacted == ["samspil.authority.child-keys.v1", "samspil.provider.material.v1"]


def test_who_sends_and_receives_what() -> None:
    assert topics.produced_by(topics.SCHEDULER) == ["samspil.scheduler.deadlines.v1"]
    assert "samspil.provider.answers.v1" in topics.consumed_by(topics.AUTHORITY)
    assert "samspil.authority.orders.v1" in topics.consumed_by(topics.PROVIDER)
    assert set(topics.consumed_by(topics.SCHEDULER)) >= {
        "samspil.authority.cases.v1",
        "samspil.authority.orders.v1",
        "samspil.authority.contracts.v1",
        "samspil.provider.delivery.v1",
        "samspil.provider.claims.v1",
    }
