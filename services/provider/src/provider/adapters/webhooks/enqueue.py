"""Queueing one webhook in one round trip: the endpoint check and the insert together.

The row is inserted only if the tenant has an active endpoint (a tenant without one asked
for no webhooks) and only once per (tenant, event): ``INSERT … SELECT … FROM
webhook_endpoints WHERE active ON CONFLICT DO NOTHING``. The statement is built once, so
each call only binds values (SQLAlchemy reuses its compiled form).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Insert, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from provider.adapters.webhooks.schema import webhook_deliveries, webhook_endpoints

COLUMNS = (
    "id",
    "tenant_id",
    "event_id",
    "event_type",
    "body",
    "status",
    "attempts",
    "next_attempt_at",
    "created_at",
)


def _statement(insert: Any) -> Insert:
    values = [bindparam(name, type_=webhook_deliveries.c[name].type) for name in COLUMNS]
    endpoint = webhook_endpoints.c
    active = select(*values).where(
        endpoint.tenant_id == bindparam("tenant_id"), endpoint.active.is_(True)
    )
    stmt: Insert = insert(webhook_deliveries).from_select(COLUMNS, active)
    return stmt.on_conflict_do_nothing()  # type: ignore[attr-defined, no-any-return]


ENQUEUE_IF_ACTIVE = {
    "postgresql": _statement(postgresql.insert),
    "sqlite": _statement(sqlite.insert),
}
