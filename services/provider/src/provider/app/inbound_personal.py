"""Child keys granted by the authority, and their erasure.

A grant is kept wrapped, as received (only the tenant's transport key opens it). On
``ChildDataErased`` every tenant's copy of the key goes, the case's orders show the child
as erased, and each tenant that had such an order gets a ``child.erased`` webhook so its
own systems can delete what they revealed. A grant arriving after the erasure (another
topic, or a replay of the key topic before compaction) is not stored again.
"""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

import structlog
from eventkit import UnitOfWork
from samspil_contracts import ChildDataErased, ChildKeyGranted, Envelope

from provider.app.inbound_base import Handling
from provider.app.personal import ERASED
from provider.app.ports import ChildKeys, Documents, WebhookQueue
from provider.app.recording import Recorder

log = structlog.get_logger(__name__)


class PersonalInbound(Handling):
    def __init__(
        self,
        recorder: Recorder,
        documents: Documents,
        webhooks: WebhookQueue,
        child_keys: ChildKeys,
    ) -> None:
        super().__init__(recorder, documents, webhooks)
        self.child_keys = child_keys

    async def granted(self, uow: UnitOfWork, env: Envelope, e: ChildKeyGranted) -> None:
        wrapped = e.wrapped_key.model_dump()
        if not await self.child_keys.save(uow.connection, e.provider_id, e.child_id, wrapped):
            log.info("grant_for_erased_child_ignored", child_id=str(e.child_id))

    async def erased(self, uow: UnitOfWork, env: Envelope, e: ChildDataErased) -> None:
        touched = await self.child_keys.erase(uow.connection, e.child_id, e.case_id, ERASED)
        orders: dict[UUID, list[str]] = defaultdict(list)
        for tenant_id, order_id in touched:
            orders[tenant_id].append(str(order_id))
        for tenant_id, ids in orders.items():
            data = {"case_id": str(e.case_id), "order_ids": sorted(ids)}
            await self._notify(uow, env, tenant_id, "child.erased", data)
