"""A sandbox case as a row (JSON) and the data of the notifications its steps cause."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

from provider.domain.sandbox import SandboxCase


def caused_data(case: SandboxCase, event_type: str) -> dict[str, Any]:
    """The data of a notification a sandbox step causes, as the real one carries it."""
    moment = now().isoformat()
    contract = {"contract_id": str(case.contract_id), "version": 1}
    by_type: dict[str, dict[str, Any]] = {
        "order.placed": {"order_id": str(case.order_id), "version": 1},
        "contract.offered": contract,
        "contract.in_force": contract | {"start": case.start.isoformat()},
        "status_report.due": {
            "deadline_id": str(uuid4()),
            "phase": "due",
            "kind": "status_report_due",
            "contract_id": str(case.contract_id),
            "order_id": str(case.order_id),
            "due_at": moment,
            "fired_at": moment,
            "followup_ref": case.followup_ref,
        },
    }
    return by_type[event_type]


def dump(case: SandboxCase) -> str:
    return json.dumps(asdict(case), default=str)


def parse(raw: dict[str, Any]) -> SandboxCase:
    ids = ("tenant_id", "order_id", "contract_id")
    return SandboxCase(
        **{k: UUID(raw[k]) for k in ids},
        followup_ref=raw["followup_ref"],
        goal_ids=tuple(UUID(g) for g in raw["goal_ids"]),
        start=date.fromisoformat(raw["start"]),
        status=raw["status"],
        answer=raw["answer"],
        countersigned=raw["countersigned"],
        reports=tuple(raw["reports"]),
        claim_numbers=tuple(raw["claim_numbers"]),
        revision=raw["revision"],
    )


def now() -> datetime:
    return datetime.now(UTC)
