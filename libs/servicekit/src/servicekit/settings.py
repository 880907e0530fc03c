"""Configuration from the environment (pydantic-settings), with a start-up guard.

``SAMSPIL_ENV`` defaults to ``production``: a deployment that forgets to set it gets the
strict guard, never development tokens or keys. Every development and test entry point says
``development`` or ``test`` explicitly (``make run``, compose, the test harness and fixtures).
"""

from __future__ import annotations

import ipaddress
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from servicekit.keyguard import PUBLISHED, weaknesses
from servicekit.retries import RetryPolicy

DEV_JWT_SECRET = "dev-only-secret-change-me-0123456789abcdef"  # noqa: S105 - refused in production
DEV_TRANSPORT_MASTER = "ZGV2LW9ubHktdHJhbnNwb3J0LW1hc3Rlci1rZXktMzI"


class InsecureConfiguration(RuntimeError):
    """Production mode found a development default or an unsafe setting."""


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    env: Literal["development", "test", "production"] = Field("production", alias="SAMSPIL_ENV")
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
    # Copies of every topic and how many must have a write (acks=all) before it counts: 1 on
    # a single development broker, 3 and 2 on a production cluster (deploy/k8s).
    kafka_replication_factor: int = Field(1, ge=1)
    kafka_min_insync_replicas: int = Field(1, ge=1)
    # Every Kafka client of the service: plaintext on a development broker; SASL/SCRAM over
    # TLS in production (the CA file may be omitted where the system's CAs sign the broker).
    kafka_security_protocol: Literal["PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["SCRAM-SHA-512", "SCRAM-SHA-256"] = "SCRAM-SHA-512"
    kafka_sasl_username: str = ""
    kafka_sasl_password: str = ""
    kafka_ssl_cafile: str | None = None
    transport_master_key: str = DEV_TRANSPORT_MASTER  # base64url
    kafka_topic_prefix: str = ""  # lets environments or test runs share one cluster
    auto_migrate: bool = True  # development convenience; production runs ``migrate`` first
    max_body_bytes: int = Field(2 * 1024 * 1024, ge=1024)  # larger request bodies get a 413
    # A file upload (multipart) may be larger: a case file's document is up to 10 MiB.
    max_upload_bytes: int = Field(11 * 1024 * 1024, ge=1024)
    # Prometheus scrapes ``/metrics`` with ``Authorization: Bearer <token>`` when this is set.
    metrics_token: str | None = None
    # The proxies (ingress) whose X-Forwarded-Proto/-For are believed: comma-separated
    # addresses or "*". Behind an ingress that terminates TLS, name it here, or the service
    # thinks it is spoken to over plain http (and would set cookies without ``Secure``).
    forwarded_allow_ips: str = "127.0.0.1"
    # The API's public address, e.g. https://providers.samspil.dk/ : problem types are
    # ``<it>problems/<code>`` (served there). Unset: the address as the caller reached it;
    # production names it so the types are the same whichever way a client came in.
    public_base_url: str | None = Field(None, pattern=r"^https?://[^\s]+/$")
    # A record whose handler fails the same way this often is dead-lettered; a partition
    # rests this long after a failure before it is read again.
    inbound_max_attempts: int = Field(3, ge=1, le=100)
    inbound_retry_seconds: float = Field(1.0, gt=0, le=300)
    # On SIGTERM the workers get this long to wind down before they are abandoned (see
    # ``servicekit.runtime``); under the pod's 30 s with room for HTTP to drain first.
    shutdown_grace_seconds: float = Field(10.0, gt=0, le=60)

    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(self.inbound_max_attempts, self.inbound_retry_seconds)

    def secret_keys(self) -> dict[str, str]:
        """The keys this service uses (setting name -> value), for the production guard."""
        keys = {"TRANSPORT_MASTER_KEY": self.transport_master_key}
        if not self.oidc_jwks_url:
            keys["JWT_SECRET"] = self.jwt_secret
        if self.kafka_security_protocol == "SASL_SSL":
            keys["KAFKA_SASL_PASSWORD"] = self.kafka_sasl_password
        return keys

    def refuse_insecure(self) -> None:
        """Called at start: production never runs on defaults, development never in the open."""
        if self.env != "production":
            if self.jwt_secret == DEV_JWT_SECRET and not _loopback(self.host):
                raise InsecureConfiguration(
                    f"HOST={self.host} with the public development JWT_SECRET: anyone reaching "
                    "the port could mint any role; set JWT_SECRET (make run writes one to var/)"
                )
            return
        problems = weaknesses(self.secret_keys())
        if self.auto_migrate:
            problems.append("AUTO_MIGRATE must be false: run `python -m <service> migrate`")
        if self.database_url.startswith("sqlite"):
            problems.append("DATABASE_URL must be PostgreSQL in production")
        elif urlsplit(self.database_url).password in PUBLISHED:
            problems.append("DATABASE_URL has a password published in the Samspil repository")
        if self.kafka_security_protocol != "SASL_SSL":
            problems.append("KAFKA_SECURITY_PROTOCOL must be SASL_SSL: clients authenticate")
        elif not self.kafka_sasl_username:
            problems.append("KAFKA_SASL_USERNAME is empty")
        if self.kafka_min_insync_replicas > self.kafka_replication_factor:
            problems.append("KAFKA_MIN_INSYNC_REPLICAS exceeds KAFKA_REPLICATION_FACTOR")
        if problems:
            raise InsecureConfiguration("refusing to start in production: " + "; ".join(problems))
