"""`python -m devstack` reports and prints what scripts need."""

from __future__ import annotations

import os

import pytest
from devstack.__main__ import main

pytestmark = pytest.mark.integration


@pytest.mark.skipif(
    "KAFKA_BOOTSTRAP_SERVERS" in os.environ or os.environ.get("SAMSPIL_DEVSTACK") == "docker",
    reason="external or containerised broker in use",
)
def test_status_reports_the_running_local_broker(
    kafka_bootstrap: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # given the fixture's broker, when status is asked for, then it is listed as running
    assert main(["status", "kafka"]) == 0
    assert capsys.readouterr().out.strip() == "kafka: running"


def test_up_prints_sourceable_urls_for_every_service_database(
    pg_admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # when postgres is brought up through the CLI
    assert main(["up", "postgres"]) == 0

    # then each line is NAME=value, with one database URL per service
    settings = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    assert settings["DATABASE_ADMIN_URL"] == pg_admin_url
    for service in ("AUTHORITY", "PROVIDER", "SCHEDULER"):
        assert settings[f"{service}_DATABASE_URL"].startswith("postgresql+asyncpg://")
