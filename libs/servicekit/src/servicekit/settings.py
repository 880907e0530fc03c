"""Configuration from the environment (pydantic-settings), with a production guard."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_JWT_SECRET = "dev-only-secret-change-me-0123456789abcdef"  # noqa: S105 - refused in production
DEV_TRANSPORT_MASTER = "ZGV2LW9ubHktdHJhbnNwb3J0LW1hc3Rlci1rZXktMzI"


class InsecureConfiguration(RuntimeError):
    """Production mode found a development default or an unsafe setting."""


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    env: Literal["development", "test", "production"] = Field("development", alias="SAMSPIL_ENV")
    database_url: str = "sqlite+aiosqlite:///var/samspil.db"
    kafka_bootstrap_servers: str = "127.0.0.1:19092"
    host: str = "127.0.0.1"
    port: int = 8000
    jwt_secret: str = DEV_JWT_SECRET
    oidc_jwks_url: str | None = None
    oidc_issuer: str | None = None
    oidc_audience: str = "samspil"
    log_level: str = "INFO"
    log_json: bool = True
    topic_partitions: int = 6
    transport_master_key: str = "ZGV2LW9ubHktdHJhbnNwb3J0LW1hc3Rlci1rZXktMzI"  # base64url
    kafka_topic_prefix: str = ""  # lets environments or test runs share one cluster
    auto_migrate: bool = True  # development convenience; production runs ``migrate`` first
    max_body_bytes: int = Field(2 * 1024 * 1024, ge=1024)  # larger request bodies get a 413
    # Prometheus scrapes ``/metrics`` with ``Authorization: Bearer <token>`` when this is set.
    metrics_token: str | None = None
    # The proxies (ingress) whose X-Forwarded-Proto/-For are believed: comma-separated
    # addresses or "*". Behind an ingress that terminates TLS, name it here, or the service
    # thinks it is spoken to over plain http (and would set cookies without ``Secure``).
    forwarded_allow_ips: str = "127.0.0.1"

    def refuse_insecure(self) -> None:
        """Called at start: production never runs on defaults."""
        if self.env != "production":
            return
        problems = []
        if self.jwt_secret == DEV_JWT_SECRET and not self.oidc_jwks_url:
            problems.append("JWT_SECRET is the development default and no OIDC is configured")
        if self.transport_master_key == DEV_TRANSPORT_MASTER:
            problems.append("TRANSPORT_MASTER_KEY is the development default")
        if self.auto_migrate:
            problems.append("AUTO_MIGRATE must be false: run `python -m <service> migrate`")
        if self.database_url.startswith("sqlite"):
            problems.append("DATABASE_URL must be PostgreSQL in production")
        if problems:
            raise InsecureConfiguration("; ".join(problems))
