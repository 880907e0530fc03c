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
OUTBOX_SET_ASIDE = Counter(
    "eventkit_outbox_set_aside_total",
    "Outbox messages Kafka refused for what they are (too large, invalid topic), moved to "
    "the outbox_dead_letters table",
    labelnames=["topic"],
)
OUTBOX_DEAD_LETTERS = Gauge(
    "eventkit_outbox_dead_letters", "Messages in the outbox_dead_letters table"
)
