"""Prometheus metrics of webhook delivery.

Labelled by tenant only: tenants are a bounded set of provider organisations, whereas event
types times status codes times URLs would multiply into series nobody reads.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

WEBHOOKS_DELIVERED = Counter(
    "provider_webhooks_delivered_total", "Webhooks a tenant's endpoint accepted", ["tenant"]
)
WEBHOOKS_FAILED = Counter(
    "provider_webhooks_failed_total", "Webhook attempts that failed (to be retried)", ["tenant"]
)
WEBHOOKS_DEAD = Counter(
    "provider_webhooks_dead_total", "Webhooks given up after the last attempt", ["tenant"]
)
WEBHOOK_SECONDS = Histogram(
    "provider_webhook_request_seconds", "Duration of one webhook POST, failures included"
)
