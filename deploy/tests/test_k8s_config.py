"""Configuration and secrets per overlay: the right mode, every referenced key provided, and no
real secret in the repository.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

Objects = dict[str, list[dict[str, Any]]]
Pick = Callable[..., list[dict[str, Any]]]
SERVICES = ("authority", "provider", "scheduler")
# The services that encrypt material for providers (TRANSPORT_MASTER_KEY).
TRANSPORT_KEY_USERS = ("authority", "provider")


def shared_config(rendered: Objects, pick: Pick, overlay: str) -> dict[str, str]:
    (config,) = [
        c
        for c in pick(rendered[overlay], "ConfigMap")
        if c["metadata"]["name"].startswith("samspil-config-")
    ]
    data: dict[str, str] = config["data"]
    return data


def required_keys(service: str, overlay: str = "dev") -> set[str]:
    keys = {"DATABASE_URL"}
    if service in TRANSPORT_KEY_USERS:
        keys.add("TRANSPORT_MASTER_KEY")
    if service == "authority":
        keys.add("DATA_MASTER_KEY")  # wraps each case's data key
    if overlay == "production":
        keys.add("KAFKA_SASL_PASSWORD")  # each service is its own Kafka principal
        if service == "authority":
            keys.add("JWT_SECRET")  # keys the caseworker UI's sessions, also with OIDC
    return keys


def test_production_runs_in_production_mode_with_oidc(rendered: Objects, pick: Pick) -> None:
    config = shared_config(rendered, pick, "production")

    assert config["SAMSPIL_ENV"] == "production"
    assert config["OIDC_ISSUER"].startswith("https://")
    assert config["OIDC_JWKS_URL"].startswith(config["OIDC_ISSUER"])
    # uvicorn must listen on the pod IP for probes and the Service.
    assert config["HOST"] == "0.0.0.0"


def test_production_renders_no_secret_values_only_external_secrets(
    rendered: Objects, pick: Pick
) -> None:
    objects = rendered["production"]

    assert pick(objects, "Secret") == []
    for service in SERVICES:
        (external,) = pick(objects, "ExternalSecret", f"{service}-secrets")
        spec = external["spec"]
        # The Secret it creates is the one the Deployment reads.
        assert spec["target"]["name"] == f"{service}-secrets"
        assert spec["secretStoreRef"]["kind"] in {"SecretStore", "ClusterSecretStore"}
        provided = {d["secretKey"] for d in spec["data"]}
        assert provided == required_keys(service, "production")
        assert all(d["remoteRef"]["key"] for d in spec["data"])


def test_development_secrets_hold_every_key_and_only_placeholders(
    rendered: Objects, pick: Pick
) -> None:
    assert shared_config(rendered, pick, "dev")["SAMSPIL_ENV"] == "development"
    for service in SERVICES:
        (secret,) = pick(rendered["dev"], "Secret", f"{service}-secrets")
        data = secret["stringData"]

        assert required_keys(service) <= set(data)
        url = urlsplit(data["DATABASE_URL"])
        assert url.scheme == "postgresql+asyncpg"
        # One database per service, and a password that says it is worthless.
        assert url.path == f"/{service}"
        assert (url.password or "").startswith("dev-only")
        assert data["JWT_SECRET"].startswith("dev-only")


def test_dev_databases_are_reached_in_the_namespace_the_network_policy_opens(
    rendered: Objects, pick: Pick
) -> None:
    for secret in pick(rendered["dev"], "Secret"):
        host = urlsplit(secret["stringData"]["DATABASE_URL"]).hostname or ""
        assert host.split(".")[1:3] == ["postgres", "svc"], host


def test_kafka_is_addressed_by_service_name_in_the_kafka_namespace(
    rendered: Objects, pick: Pick
) -> None:
    for overlay in rendered:
        config = shared_config(rendered, pick, overlay)
        # production: the TLS listener (SASL_SSL); development: the plain one
        tls = config.get("KAFKA_SECURITY_PROTOCOL") == "SASL_SSL"
        assert tls == (overlay == "production")
        for server in config["KAFKA_BOOTSTRAP_SERVERS"].split(","):
            host, port = server.rsplit(":", 1)
            assert host.split(".")[1:3] == ["kafka", "svc"], server
            assert port == ("9093" if tls else "9092")
