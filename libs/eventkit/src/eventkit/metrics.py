"""Prometheus metrics of the outbox relay and the dead-letter path."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

OUTBOX_BACKLOG = Gauge("eventkit_outbox_backlog", "Outbox messages not yet sent to Kafka")
OUTBOX_OLDEST_AGE = Gauge(
    "eventkit_outbox_oldest_age_seconds", "Age of the oldest unsent outbox message"
)
RELAY_SENT = Counter(
    "eventkit_relay_sent_total", "Outbox messages delivered to Kafka", labelnames=["topic"]
)
DEAD_LETTERS = Counter(
    "eventkit_dead_letters_total",
    "Inbound records sent to a dead-letter topic",
    labelnames=["topic"],
)
