"""Prometheus metrics of the service runtime (HTTP and Kafka consumers).

Labels stay bounded: routes are templates (``/orders/{order_id}``, never the id), topics are
the fixed set of Samspil topics, outcomes a closed list. The outbox gauges live in eventkit
(refreshed by the relay loop every second); the scheduler's own gauges in the scheduler.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_LATENCY = Histogram(
    "samspil_http_request_duration_seconds",
    "HTTP request latency by route template and status",
    labelnames=["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
INBOUND_RECORDS = Counter(
    "samspil_inbound_records_total",
    "Kafka records handled by a consumer, by outcome "
    "(handled, duplicate, ignored, dead_lettered, failed)",
    labelnames=["group", "topic", "outcome"],
)
CONSUMER_LAG = Gauge(
    "samspil_consumer_lag_records",
    "Records behind the partition's high-water mark after the last handled record",
    labelnames=["group", "topic", "partition"],
)
UNMATCHED_ROUTE = "unmatched"  # 404s and mounts: one label value, not one per probed path
