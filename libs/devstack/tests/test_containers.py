"""devstack's Docker path: containers on the host network from local images, and a clear
fallback to local processes when the engine has no image and cannot pull one."""

from __future__ import annotations

import os

import pytest
from devstack import containers, stack

pytestmark = pytest.mark.integration
needs_engine = pytest.mark.skipif(
    not containers.docker_available(), reason="no Docker engine answers (DOCKER_HOST)"
)


MISSING = "samspil-test/no-such-image:0"


@pytest.fixture
def engine_without_images(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The engine answers, but neither image is there nor can be pulled."""
    for name in ("SAMSPIL_KAFKA_IMAGE", "SAMSPIL_POSTGRES_IMAGE"):
        monkeypatch.setenv(name, MISSING)
    for name in ("KAFKA_BOOTSTRAP_SERVERS", "DATABASE_ADMIN_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(containers, "_started", {})
    monkeypatch.setattr(stack, "_use_docker", lambda: True)
    return monkeypatch


@needs_engine
def test_a_missing_image_falls_back_to_local_processes_with_a_message(
    engine_without_images: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given an engine that has no such image and no registry to pull it from
    engine_without_images.setenv("SAMSPIL_DEVSTACK", "auto")
    engine_without_images.setattr(stack.postgres_local, "ensure", lambda: "postgresql://local")
    # When devstack is asked for PostgreSQL
    url = stack.ensure_postgres()
    # Then it says why and uses the local server, without a traceback
    assert url == "postgresql://local"
    message = capsys.readouterr().err
    assert f"no image {MISSING} and cannot pull it" in message
    assert "deploy/scripts/images.sh" in message


@needs_engine
def test_a_missing_image_is_an_error_when_containers_are_required(
    engine_without_images: pytest.MonkeyPatch,
) -> None:
    engine_without_images.setenv("SAMSPIL_DEVSTACK", "docker")

    with pytest.raises(containers.ImageUnavailable):
        stack.ensure_kafka()


@pytest.mark.skipif(
    os.environ.get("SAMSPIL_DEVSTACK") != "docker", reason="devstack uses local processes here"
)
def test_the_fixtures_servers_are_containers_on_loopback(
    kafka_bootstrap: str, pg_admin_url: str
) -> None:
    # Given the test session's broker and database (devstack's Docker path)
    # Then both run in containers from the local images, listening on 127.0.0.1
    assert set(containers.started()) == {"kafka", "postgres"}
    assert kafka_bootstrap.startswith("127.0.0.1:")
    assert "@127.0.0.1:" in pg_admin_url
    for container, _ in containers._started.values():
        attrs = container.get_wrapped_container().attrs
        assert attrs["HostConfig"]["NetworkMode"] == "host"
        assert attrs["Config"]["Image"] in {containers.kafka_image(), containers.postgres_image()}
