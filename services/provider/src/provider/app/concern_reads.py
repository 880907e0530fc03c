"""A tenant's own concern or use-of-force report, its details opened with the child's key
(the erased marker once the child is erased)."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from provider.app import aggregates as agg
from provider.app.child_text import ChildText
from provider.app.contracts import Contracts
from provider.app.recording import Acting
from provider.domain import DomainError


async def concern(
    contracts: Contracts, texts: ChildText, acting: Acting, concern_id: UUID
) -> dict[str, Any]:
    state = (await contracts.recorder.load(agg.CONCERNS, concern_id)).state
    if state is None or state.tenant_id != acting.tenant_id:
        raise DomainError("not_found", "No such concern.")
    found = await contracts.facts(acting, state.contract_id)
    sealed = json.loads(state.summary)
    details = await texts.open(acting.tenant_id, found.order_id, sealed, concern_id)
    return {
        "concern_id": concern_id,
        "contract_id": state.contract_id,
        "kind": state.kind.value,
        "urgency": state.urgency.value,
        "details": details,
    }
