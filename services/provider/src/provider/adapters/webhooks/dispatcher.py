"""The webhook dispatcher: sends due deliveries, retries with backoff, dead-letters.

A batch is claimed in a short transaction that pushes the rows' ``next_attempt_at`` out by a
lease, and the HTTP calls happen after it commits: no transaction stays open while a slow
receiver is waited on, several dispatchers never claim one row twice (``FOR UPDATE SKIP
LOCKED`` on PostgreSQL), and a dispatcher that dies mid-send leaves its rows to be retried
when the lease runs out. Delivery is therefore at least once: receivers dedupe by the
``Samspil-Webhook-Id`` header.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

import httpx
import structlog
from samspil_webhook_signing import signed_headers
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from provider.adapters.webhooks import metrics, retry
from provider.adapters.webhooks.endpoints import EndpointStore
from provider.adapters.webhooks.model import ADDRESS_REFUSED, NO_ENDPOINT, Clock, utcnow
from provider.adapters.webhooks.retry import Jitter, RetryPolicy, spread
from provider.adapters.webhooks.schema import DeliveryStatus, webhook_deliveries
from provider.adapters.webhooks.secret_box import SecretBox
from provider.adapters.webhooks.targets import STRICT, TargetPolicy, TargetRefused

log = structlog.get_logger(__name__)
table = webhook_deliveries


@dataclass(frozen=True, slots=True)
class _Claim:
    id: UUID
    tenant_id: str
    event_type: str
    body: str
    attempts: int  # attempts made before this one


class WebhookDispatcher:
    def __init__(
        self,
        engine: AsyncEngine,
        http_client: httpx.AsyncClient,
        *,
        secrets_key: bytes,
        retry_span: timedelta = retry.SPAN,
        base_delay: timedelta = retry.BASE_DELAY,
        max_delay: timedelta = retry.MAX_DELAY,
        clock: Clock = utcnow,
        timeout: float = 10.0,
        batch_size: int = 20,
        poll_interval: float = 1.0,
        jitter: Jitter = spread,
        targets: TargetPolicy = STRICT,
    ) -> None:
        self._engine = engine
        self._http = http_client
        self._targets = targets
        self._endpoints = EndpointStore(engine, SecretBox(secrets_key), clock, targets)
        self.retry = RetryPolicy(retry_span, base_delay, max_delay, jitter)
        self._clock = clock
        self.timeout = timeout
        self.batch_size = batch_size
        self.poll_interval = poll_interval

    async def run_once(self) -> int:
        """Attempt every due delivery of one batch; the number attempted."""
        claims = await self._claim()
        await asyncio.gather(*(self._attempt(claim) for claim in claims))
        return len(claims)

    async def run(self, stop: asyncio.Event) -> None:
        """Dispatch until ``stop`` is set; a failing batch is logged and retried."""
        while not stop.is_set():
            try:
                attempted = await self.run_once()
            except Exception:
                log.exception("webhook_batch_failed")
                attempted = 0
            if attempted < self.batch_size:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.poll_interval)

    async def _claim(self) -> list[_Claim]:
        now = self._clock()
        columns = (table.c.id, table.c.tenant_id, table.c.event_type, table.c.body)
        query = (
            select(*columns, table.c.attempts)
            .where(table.c.status == DeliveryStatus.PENDING.value, table.c.next_attempt_at <= now)
            .order_by(table.c.next_attempt_at)
            .limit(self.batch_size)
            .with_for_update(skip_locked=True)  # not rendered on SQLite (one writer anyway)
        )
        async with self._engine.begin() as conn:
            claims = [_Claim(*row) for row in await conn.execute(query)]
            if claims:
                lease = now + timedelta(seconds=self.timeout + 60)
                claimed = table.c.id.in_([claim.id for claim in claims])
                await conn.execute(update(table).where(claimed).values(next_attempt_at=lease))
        return claims

    async def _attempt(self, claim: _Claim) -> None:
        status_code, error = await self._post(claim)
        attempts = claim.attempts + 1
        values: dict[str, Any] = {
            "attempts": attempts,
            "last_status_code": status_code,
            "last_error": error,
        }
        if error is None:
            values.update(status=DeliveryStatus.DELIVERED.value, delivered_at=self._clock())
            metrics.WEBHOOKS_DELIVERED.inc()
        elif self.retry.gives_up_after(attempts):
            values.update(status=DeliveryStatus.DEAD.value)
            metrics.WEBHOOKS_DEAD.inc()
        else:
            values.update(next_attempt_at=self._clock() + self.retry.delay_after(attempts))
            metrics.WEBHOOKS_FAILED.inc()
        async with self._engine.begin() as conn:
            await conn.execute(update(table).where(table.c.id == claim.id).values(values))
        log.info(
            "webhook_attempt",
            delivery_id=str(claim.id),
            tenant=claim.tenant_id,
            event_type=claim.event_type,
            attempt=attempts,
            outcome=values.get("status", "retry"),
            status_code=status_code,
            error=error,
        )

    async def _post(self, claim: _Claim) -> tuple[int | None, str | None]:
        """(HTTP status or None, error or None): error is None exactly when delivered."""
        async with self._engine.connect() as conn:
            endpoint = await self._endpoints.get(conn, claim.tenant_id)
        if endpoint is None or not endpoint.active:
            return None, NO_ENDPOINT
        try:  # resolved now and pinned: the address checked is the one connected to
            target = await self._targets.pin(endpoint.url)
        except TargetRefused:
            return None, ADDRESS_REFUSED
        except OSError as exc:  # the name does not resolve
            return None, type(exc).__name__
        timestamp = int(self._clock().timestamp())
        headers = signed_headers(endpoint.secrets, claim.id, timestamp, claim.body)
        headers["Host"] = target.host
        started = time.perf_counter()
        try:
            response = await self._http.post(
                target.url,
                content=claim.body,
                headers=headers,
                timeout=self.timeout,
                extensions=target.extensions,
            )
        except httpx.HTTPError as exc:
            # The class name only: messages may echo URLs or payload fragments.
            return None, type(exc).__name__
        finally:
            metrics.WEBHOOK_SECONDS.observe(time.perf_counter() - started)
        if response.is_success:
            return response.status_code, None
        return response.status_code, f"HTTP {response.status_code}"
