"""Prometheus metrics of webhook delivery.

Not labelled by tenant: a tenant id on a scrape reveals who the service's customers are, and
the delivery log (and each attempt's log line) says per tenant what went wrong.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

WEBHOOKS_DELIVERED = Counter(
    "provider_webhooks_delivered_total", "Webhooks a tenant's endpoint accepted"
)
WEBHOOKS_FAILED = Counter(
    "provider_webhooks_failed_total", "Webhook attempts that failed (to be retried)"
)
WEBHOOKS_DEAD = Counter("provider_webhooks_dead_total", "Webhooks given up after the last attempt")
WEBHOOK_SECONDS = Histogram(
    "provider_webhook_request_seconds", "Duration of one webhook POST, failures included"
)
