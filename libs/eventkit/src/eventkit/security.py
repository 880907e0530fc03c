"""How every Kafka client of this process connects: in the clear (a development broker) or
authenticated over TLS (SASL_SSL with SCRAM in production).

A process talks to one cluster as one principal, so the connection settings are set once at
start (``servicekit.kafka_security.configure``) and every client made by eventkit,
servicekit and the services adds :func:`client_options` to its own settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_options: dict[str, Any] = {}


def use(options: Mapping[str, Any]) -> None:
    """Replace the connection settings (aiokafka keyword arguments) of every later client."""
    _options.clear()
    _options.update(options)


def client_options() -> dict[str, Any]:
    """``security_protocol``, SASL and TLS settings for an aiokafka client (empty: plaintext)."""
    return dict(_options)
