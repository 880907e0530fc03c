"""Environment variables override everything: nothing is started when they are set."""

from __future__ import annotations

import devstack
import pytest
from devstack import containers, kafka_local, postgres_local


@pytest.fixture
def nothing_may_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pure unit test: make any attempt to start or probe infrastructure fail loudly."""

    def forbidden(*_args: object) -> str:
        raise AssertionError("devstack tried to start infrastructure despite the override")

    for module, name in [
        (containers, "docker_available"),
        (kafka_local, "ensure"),
        (postgres_local, "ensure"),
    ]:
        monkeypatch.setattr(module, name, forbidden)


@pytest.mark.usefixtures("nothing_may_start")
def test_given_servers_are_returned_as_they_are(monkeypatch: pytest.MonkeyPatch) -> None:
    # given both overrides
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "broker-a:9092,broker-b:9092")
    monkeypatch.setenv("DATABASE_ADMIN_URL", "postgresql://admin:secret@db:5432/postgres")

    # when infrastructure is ensured, then the given values come back untouched
    assert devstack.ensure_kafka() == "broker-a:9092,broker-b:9092"
    assert devstack.ensure_postgres() == "postgresql://admin:secret@db:5432/postgres"


@pytest.mark.usefixtures("nothing_may_start")
def test_without_overrides_devstack_does_try_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # given no overrides, then the guard trips: proof that the test above could fail
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.setattr(devstack.stack, "_use_docker", lambda: False)
    with pytest.raises(AssertionError, match="despite the override"):
        devstack.ensure_kafka()
