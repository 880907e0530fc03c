"""What every inbound handler shares: recording a command, and telling the tenant's webhook.

Each handler runs inside the InboundPipeline's unit of work (with the inbox row), so the
domain change, the read models and the tenant's webhook commit together or not at all.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import structlog
from eventkit import UnitOfWork
from samspil_contracts import Envelope

from provider.app import aggregates as agg
from provider.app.ports import Documents, WebhookQueue
from provider.app.recording import Acting, Recorder
from provider.domain import DomainError

log = structlog.get_logger(__name__)


class Handling:
    def __init__(self, recorder: Recorder, documents: Documents, webhooks: WebhookQueue) -> None:
        self.recorder, self.documents, self.webhooks = recorder, documents, webhooks

    async def _notify(
        self, uow: UnitOfWork, env: Envelope, tenant: UUID, kind: str, data: dict[str, Any]
    ) -> None:
        # Ids and dates only: a tenant's webhook receiver never gets personal data in clear.
        await self.webhooks.enqueue(uow.connection, str(tenant), env.event_id, kind, data)

    async def _run(
        self, uow: UnitOfWork, acting: Acting, a: agg.Agg, key: object, command: Any
    ) -> list[Any]:
        try:
            events, _ = await self.recorder.execute(uow, a, key, command, acting)
        except DomainError as exc:
            # A refusal of an inbound fact is final (e.g. another tenant's id): log, move on.
            log.warning("inbound_refused", code=exc.code, aggregate=a.category)
            return []
        return events
