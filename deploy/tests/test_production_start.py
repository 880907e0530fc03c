"""Each overlay's rendered environment starts each service: the ConfigMaps and Secrets its
Deployment reads (for production: the ExternalSecret's keys, filled with generated secrets),
the migrate init container first, then `serve`, until /readyz answers. Production talks to
a broker with a SASL_SSL listener whose SCRAM users are the services, with the generated
passwords. Only what names this machine is replaced: the database and broker addresses,
the broker's CA file, the listen address, and the replication a single test broker can
give. A published placeholder key is refused with a clear message.
"""

from __future__ import annotations

import asyncio
import base64
import os
import secrets
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import asyncpg  # type: ignore[import-untyped]
import httpx
import pytest
from devstack.isolated_kafka import IsolatedKafka, start_isolated
from devstack.ports import free_port

from tests.harness import wait_for

Objects = dict[str, list[dict[str, Any]]]
Pick = Callable[..., list[dict[str, Any]]]
SERVICES = ("authority", "provider", "scheduler")
pytestmark = pytest.mark.integration


def generated(key: str, service: str) -> str:
    if key == "DATABASE_URL":
        password = secrets.token_urlsafe(24)
        return (
            f"postgresql+asyncpg://{service}:{password}@samspil-pg-rw.postgres.svc:5432/{service}"
        )
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()


def rendered_env(objects: list[dict[str, Any]], service: str) -> dict[str, str]:
    """What the service container's envFrom gives it, secrets generated where the overlay
    only names them (ExternalSecret)."""
    (deployment,) = [o for o in objects if o["kind"] == "Deployment" and
                     o["metadata"]["name"] == service]  # fmt: skip
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    env: dict[str, str] = {}
    for source in container["envFrom"]:
        if "configMapRef" in source:
            name = source["configMapRef"]["name"]
            (config,) = [o for o in objects if o["kind"] == "ConfigMap" and
                         o["metadata"]["name"] == name]  # fmt: skip
            env |= config["data"]
        else:
            name = source["secretRef"]["name"]
            found = [o for o in objects if o["metadata"]["name"] == name]
            (secret,) = found
            if secret["kind"] == "Secret":
                env |= secret["stringData"]
            else:  # ExternalSecret: the site's store fills these keys
                env |= {d["secretKey"]: generated(d["secretKey"], service)
                        for d in secret["spec"]["data"]}  # fmt: skip
    return env


def own_database(admin_url: str, service: str, password: str) -> str:
    """A role and database of the service's own, as production has: the generated password
    is the one the guard checks, and the one the server accepts."""
    name = f"prod_{service}_{secrets.token_hex(4)}"

    async def create() -> None:
        admin = await asyncpg.connect(admin_url)
        try:
            await admin.execute(f"create role {name} login password '{password}'")
            await admin.execute(f"create database {name} owner {name}")
        finally:
            await admin.close()

    asyncio.run(create())
    host = urlsplit(admin_url).netloc.rsplit("@", 1)[1]
    return f"postgresql+asyncpg://{name}:{password}@{host}/{name}"


def on_this_machine(env: dict[str, str], database_url: str, kafka: str) -> dict[str, str]:
    """The site's addresses replaced by this machine's; credentials and settings kept."""
    return env | {
        "DATABASE_URL": database_url,
        "KAFKA_BOOTSTRAP_SERVERS": kafka,
        "KAFKA_TOPIC_PREFIX": f"{secrets.token_hex(4)}.",
        # A single test broker holds one copy; 3/2 is checked in test_k8s_config.py.
        "KAFKA_REPLICATION_FACTOR": "1",
        "KAFKA_MIN_INSYNC_REPLICAS": "1",
        "HOST": "127.0.0.1",
        "PORT": str(free_port()),
        "OTEL_EXPORTER_OTLP_ENDPOINT": "",
        "PATH": os.environ["PATH"],
    }


@pytest.fixture(scope="module")
def production_env(rendered: Objects) -> dict[str, dict[str, str]]:
    """Each service's production environment, its secrets generated once."""
    return {service: rendered_env(rendered["production"], service) for service in SERVICES}


@pytest.fixture(scope="module")
def sasl_broker(production_env: dict[str, dict[str, str]]) -> Iterator[IsolatedKafka]:
    """A SASL_SSL (SCRAM) listener whose users are the services' principals."""
    users = {
        env["KAFKA_SASL_USERNAME"]: env["KAFKA_SASL_PASSWORD"] for env in production_env.values()
    }
    broker = start_isolated(
        f"prod-{secrets.token_hex(3)}", users, tls=True, super_users=list(users)
    )
    yield broker
    broker.destroy()


def run(service: str, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", service, *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


@pytest.mark.parametrize("overlay", ["production", "dev"])
@pytest.mark.parametrize("service", SERVICES)
def test_the_rendered_environment_passes_the_guard_and_serves(
    request: pytest.FixtureRequest,
    rendered: Objects,
    overlay: str,
    service: str,
    kafka_bootstrap: str,
    pg_admin_url: str,
    new_database_url: Callable[[str], str],
) -> None:
    # Given the overlay's environment for the service, secrets generated for production
    if overlay == "production":
        env = request.getfixturevalue("production_env")[service]
        broker: IsolatedKafka = request.getfixturevalue("sasl_broker")
        assert env["SAMSPIL_ENV"] == "production"
        assert env["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
        password = urlsplit(env["DATABASE_URL"]).password or ""
        local = on_this_machine(
            env, own_database(pg_admin_url, service, password), broker.sasl_bootstrap
        ) | {"KAFKA_SSL_CAFILE": str(broker.ca_file)}
    else:
        env = rendered_env(rendered[overlay], service)
        assert env["SAMSPIL_ENV"] == "development"
        local = on_this_machine(env, new_database_url(service), kafka_bootstrap)
    # When the init container's migration runs, then the service
    migrate = run(service, local, "migrate")
    out, _ = migrate.communicate(timeout=120)
    assert migrate.returncode == 0, out[-3000:]
    server = run(service, local)
    try:
        # Then it passes its start-up guard and answers ready
        url = f"http://127.0.0.1:{local['PORT']}/readyz"

        def ready() -> bool:
            assert server.poll() is None, f"{service} exited: {server.communicate()[0][-3000:]}"
            try:
                return httpx.get(url, timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(ready, timeout=90, what=f"{service} ready in the {overlay} environment")
    finally:
        server.terminate()
        server.communicate(timeout=30)


@pytest.mark.parametrize("service", SERVICES)
def test_a_published_placeholder_key_is_refused_with_a_clear_message(
    rendered: Objects, service: str
) -> None:
    # Given production's environment with one key taken from the dev overlay's placeholders
    env = rendered_env(rendered["production"], service)
    dev = rendered_env(rendered["dev"], service)
    key = "TRANSPORT_MASTER_KEY" if "TRANSPORT_MASTER_KEY" in env else "JWT_SECRET"
    if key not in env:  # the scheduler with OIDC has no key: its database password is checked
        key = "DATABASE_URL"
    env[key] = dev[key]
    # When the service starts
    done = subprocess.run(
        [sys.executable, "-m", service], env=env | {"PATH": os.environ["PATH"]},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    # Then it refuses, naming the key and why, without a traceback
    assert done.returncode != 0
    assert f"{service}: refusing to start in production" in done.stderr
    assert "published in the Samspil repository" in done.stderr
    assert ("DATABASE_URL" if key == "DATABASE_URL" else key) in done.stderr
    assert "Traceback" not in done.stderr
