"""The start-up guard: production refuses keys an attacker could know or guess, development
refuses to listen beyond loopback with the public JWT secret."""

from __future__ import annotations

import base64
import secrets

import pytest
from servicekit.keyguard import PUBLISHED, weaknesses
from servicekit.settings import DEV_JWT_SECRET, InsecureConfiguration, ServiceSettings


def key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()


def production(**overrides: object) -> ServiceSettings:
    values: dict[str, object] = {
        "SAMSPIL_ENV": "production",
        "database_url": f"postgresql+asyncpg://svc:{key()}@db:5432/svc",
        "jwt_secret": key(),
        "transport_master_key": key(),
        "auto_migrate": False,
        "kafka_security_protocol": "SASL_SSL",
        "kafka_sasl_username": "svc",
        "kafka_sasl_password": key(),
    }
    return ServiceSettings(**(values | overrides))  # type: ignore[arg-type]


def test_production_starts_with_generated_keys() -> None:
    production().refuse_insecure()


def test_the_environment_defaults_to_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMSPIL_ENV", raising=False)

    assert ServiceSettings().env == "production"
    with pytest.raises(InsecureConfiguration):
        ServiceSettings().refuse_insecure()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("ZGV2LW9ubHktdHJhbnNwb3J0LWtleS0zMi1ieXRlcyE", "published in the Samspil repository"),
        ("Zm9vYmFy", "shorter than 32 characters"),
        ("ab" * 24, "too little entropy"),
    ],
)
def test_production_refuses_a_known_short_or_patterned_key(value: str, reason: str) -> None:
    with pytest.raises(InsecureConfiguration, match=reason) as refused:
        production(transport_master_key=value).refuse_insecure()

    assert "TRANSPORT_MASTER_KEY" in str(refused.value)


def test_production_refuses_one_key_used_twice() -> None:
    shared = key()

    with pytest.raises(InsecureConfiguration, match="JWT_SECRET equals TRANSPORT_MASTER_KEY"):
        production(jwt_secret=shared, transport_master_key=shared).refuse_insecure()


def test_production_refuses_a_published_database_password_and_auto_migration() -> None:
    settings = production(
        database_url="postgresql+asyncpg://samspil:samspil@db:5432/svc", auto_migrate=True
    )

    with pytest.raises(InsecureConfiguration) as refused:
        settings.refuse_insecure()

    assert "DATABASE_URL has a password published" in str(refused.value)
    assert "AUTO_MIGRATE must be false" in str(refused.value)


def test_production_refuses_kafka_clients_that_do_not_authenticate() -> None:
    with pytest.raises(InsecureConfiguration, match="KAFKA_SECURITY_PROTOCOL must be SASL_SSL"):
        production(kafka_security_protocol="PLAINTEXT").refuse_insecure()
    with pytest.raises(InsecureConfiguration, match="KAFKA_SASL_PASSWORD is shorter"):
        production(kafka_sasl_password="kafka").refuse_insecure()


def test_with_oidc_the_jwt_secret_is_no_key_of_the_api_services() -> None:
    settings = production(jwt_secret=DEV_JWT_SECRET, oidc_jwks_url="https://idp/certs")

    settings.refuse_insecure()


def test_the_guard_finds_every_weakness_at_once() -> None:
    problems = weaknesses({"A": "short", "B": DEV_JWT_SECRET, "C": "short"})

    assert len(problems) == 4  # A short, B published, C short, C equals A
    assert DEV_JWT_SECRET in PUBLISHED


def test_development_listens_beyond_loopback_only_with_its_own_secret() -> None:
    open_port = ServiceSettings(SAMSPIL_ENV="development", host="0.0.0.0")
    with pytest.raises(InsecureConfiguration, match="mint any role"):
        open_port.refuse_insecure()

    ServiceSettings(SAMSPIL_ENV="development", host="127.0.0.1").refuse_insecure()
    ServiceSettings(SAMSPIL_ENV="development", host="0.0.0.0", jwt_secret=key()).refuse_insecure()
