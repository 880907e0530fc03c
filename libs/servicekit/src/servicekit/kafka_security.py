"""The service's Kafka principal: SASL/SCRAM over TLS in production, plaintext in development.

``configure(settings)`` is called once at start (``build``): every aiokafka client of the
process (relay, admin, dead letters, readiness, tenant consumers) then connects the same
way through :func:`eventkit.security.client_options`, and FastStream's broker gets the same
through :func:`broker_options`.
"""

from __future__ import annotations

from typing import Any

from aiokafka.helpers import create_ssl_context
from eventkit import security
from faststream.security import SASLScram256, SASLScram512

from servicekit.settings import ServiceSettings


def client_options(settings: ServiceSettings) -> dict[str, Any]:
    if settings.kafka_security_protocol == "PLAINTEXT":
        return {}
    return {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": settings.kafka_sasl_mechanism,
        "sasl_plain_username": settings.kafka_sasl_username,
        "sasl_plain_password": settings.kafka_sasl_password,
        "ssl_context": create_ssl_context(cafile=settings.kafka_ssl_cafile),
    }


def configure(settings: ServiceSettings) -> None:
    security.use(client_options(settings))


def broker_options(settings: ServiceSettings) -> dict[str, Any]:
    """Keyword arguments for FastStream's ``KafkaBroker`` (its own security object)."""
    options = client_options(settings)
    if not options:
        return {}
    scram = SASLScram512 if settings.kafka_sasl_mechanism == "SCRAM-SHA-512" else SASLScram256
    return {
        "security": scram(
            username=settings.kafka_sasl_username,
            password=settings.kafka_sasl_password,
            ssl_context=options["ssl_context"],
        )
    }
