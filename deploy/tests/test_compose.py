"""docker-compose.yml, checked without a Docker engine: the official compose-spec schema (from
compose-go, installed by deploy/scripts/install-tools.sh) plus what the schema cannot know.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from servicekit.settings import DEV_JWT_SECRET

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
SERVICES = ("authority", "provider", "scheduler")
INFRASTRUCTURE = ("kafka", "postgres")
SECRET_NAME = re.compile(r"SECRET|PASSWORD|TOKEN|_KEYS?$")
# `${NAME}` or `${NAME:-default}`: the value comes from the operator's environment.
# `${NAME:?message}`: required, no default at all.
INTERPOLATION = re.compile(r"^\$\{[A-Z_][A-Z0-9_]*(?::-(?P<default>[^}]*)|:\?[^}]*)?\}$")
# Defaults that are public by design: the dev JWT secret (refused when SAMSPIL_ENV=production)
# and the local PostgreSQL password.
DEV_DEFAULTS = {"", DEV_JWT_SECRET, "samspil"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    # safe_load resolves the `<<:` merge keys, as Compose does.
    document: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return document


def test_the_file_matches_the_compose_specification(
    schema_check: Callable[..., Any], compose_schema: Path
) -> None:
    assert schema_check("json", str(compose_schema), str(COMPOSE)) == []


def test_the_schema_check_rejects_a_malformed_file(
    schema_check: Callable[..., Any], compose_schema: Path, tmp_path: Path
) -> None:
    # Given a service whose depends_on condition is not one Compose knows (a control)
    broken = tmp_path / "compose.yml"
    broken.write_text(
        "services:\n  a:\n    image: x\n    depends_on:\n      b: { condition: ready }\n"
    )

    errors = schema_check("json", str(compose_schema), str(broken))

    assert any("ready" in e for e in errors)


def test_infrastructure_reports_its_health(compose: dict[str, Any]) -> None:
    for name in INFRASTRUCTURE:
        test = compose["services"][name]["healthcheck"]["test"]
        assert test[0] in {"CMD", "CMD-SHELL"}, name


@pytest.mark.parametrize("service", SERVICES)
def test_services_start_after_kafka_and_postgres_are_healthy(
    compose: dict[str, Any], service: str
) -> None:
    depends_on = compose["services"][service]["depends_on"]

    assert {name: dep["condition"] for name, dep in depends_on.items()} == {
        "kafka": "service_healthy",
        "postgres": "service_healthy",
    }
    # Their own health check is the image's HEALTHCHECK (see test_dockerfiles.py).
    assert "HEALTHCHECK" in (REPO / "Dockerfile").read_text()


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_has_its_own_database_on_the_compose_postgres(
    compose: dict[str, Any], service: str
) -> None:
    env = compose["services"][service]["environment"]
    url = urlsplit(env["DATABASE_URL"])
    created = (REPO / "deploy" / "postgres" / "init-databases.sql").read_text()

    assert url.scheme == "postgresql+asyncpg"
    assert url.hostname == "postgres"
    assert url.path == f"/{service}"
    assert f"CREATE DATABASE {service};" in created
    assert env["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
    assert env["SAMSPIL_ENV"] == "development"


def secret_values(compose: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, value) for every secret-looking setting, including passwords inside URLs."""
    found = []
    for name, service in compose["services"].items():
        for key, value in (service.get("environment") or {}).items():
            if SECRET_NAME.search(key):
                found.append((f"{name}.{key}", str(value)))
            elif key == "DATABASE_URL":
                password = str(value).split("://", 1)[1].rsplit("@", 1)[0].split(":", 1)[1]
                found.append((f"{name}.{key} password", password))
    return found


def test_no_secret_is_hard_coded_beyond_the_dev_defaults(compose: dict[str, Any]) -> None:
    values = secret_values(compose)

    assert len(values) >= 7  # the check really found the secrets it guards (JWT, DB)
    for where, value in values:
        match = INTERPOLATION.match(value)
        assert match, f"{where} is hard-coded; use ${{NAME:-dev default}}"
        assert (match["default"] or "") in DEV_DEFAULTS, f"{where} defaults to a real value"


def test_the_jwt_secret_has_no_default_and_published_ports_stay_on_loopback(
    compose: dict[str, Any],
) -> None:
    for service in SERVICES:
        definition = compose["services"][service]
        # No public default: a stack reachable from the network would let anyone mint roles.
        assert definition["environment"]["JWT_SECRET"].startswith("${JWT_SECRET:?")
        for port in definition["ports"]:
            assert port.startswith("127.0.0.1:"), f"{service} publishes {port} beyond loopback"


class _ComposeLoader(yaml.SafeLoader):
    """Compose's merge tags: `!reset` empties a value, `!override` replaces it."""


_ComposeLoader.add_constructor("!reset", lambda loader, node: loader.construct_sequence(node))
_ComposeLoader.add_constructor("!override", lambda loader, node: loader.construct_sequence(node))


def test_the_host_network_override_keeps_every_container_on_loopback() -> None:
    override = yaml.load((REPO / "docker-compose.host.yml").read_text(), _ComposeLoader)  # noqa: S506

    for name in (*INFRASTRUCTURE, *SERVICES):
        service = override["services"][name]
        assert service["network_mode"] == "host", name
        assert not service.get("ports"), f"{name}: no published ports on the host network"
    text = yaml.safe_dump(override)
    assert "0.0.0.0" not in text
    for name in SERVICES:
        env = override["services"][name]["environment"]
        assert env["HOST"] == "127.0.0.1"
        assert env["KAFKA_BOOTSTRAP_SERVERS"].startswith("127.0.0.1:")
        assert urlsplit(env["DATABASE_URL"]).hostname == "127.0.0.1"
    kafka = override["services"]["kafka"]["environment"]
    assert all("127.0.0.1:" in part for part in kafka["KAFKA_LISTENERS"].split(","))
    assert "listen_addresses=127.0.0.1" in override["services"]["postgres"]["command"]
