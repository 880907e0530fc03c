"""Configuration from the environment (pydantic-settings), with a production guard."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from servicekit.retries import RetryPolicy

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
    # A record whose handler fails the same way this often is dead-lettered; a partition
    # rests this long after a failure before it is read again.
    inbound_max_attempts: int = Field(3, ge=1, le=100)
    inbound_retry_seconds: float = Field(1.0, gt=0, le=300)

    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(self.inbound_max_attempts, self.inbound_retry_seconds)

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
