"""The tenant's sandbox: one invented order and its contract, played through the business
flow (accept or decline, countersign, status report, claim) by the rules of the real
aggregates, answered with the same refusal codes, and never told to any authority.

Pure: each step takes the case and answers the new case and the webhook types it causes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

from provider.domain.common import refuse

RECEIVED, ACCEPTED, DECLINED = "received", "accepted", "declined"
Step = tuple["SandboxCase", list[str]]  # the new case, the webhook types it causes


@dataclass(frozen=True)
class SandboxCase:
    tenant_id: UUID
    order_id: UUID
    contract_id: UUID
    followup_ref: str
    goal_ids: tuple[UUID, ...]
    start: date
    status: str = RECEIVED
    answer: str | None = None  # the first answer, canonical: the same one again is a repeat
    countersigned: bool = False
    reports: tuple[str, ...] = ()
    claim_numbers: tuple[str, ...] = ()
    revision: int = 1

    def terms(self) -> dict[str, Any]:
        """Invented terms of the sandbox contract (no child, no personal data)."""
        return {
            "kind": "individual",
            "contract_id": str(self.contract_id),
            "version": 1,
            "measure": "sel_52_3_3",
            "goals": [
                {"goal_id": str(goal), "area": "family", "description": "Sandbox goal"}
                for goal in self.goal_ids
            ],
            "start": self.start.isoformat(),
            "follow_up_wanted": "Status report before each follow-up",
            "price": {"amount_oere": 95_000, "unit": "hour"},
            "payment_terms_days": 30,
        }

    def terms_sha256(self) -> str:
        canonical = json.dumps(self.terms(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


def new_case(tenant_id: UUID, today: date) -> SandboxCase:
    return SandboxCase(
        tenant_id=tenant_id,
        order_id=uuid4(),
        contract_id=uuid4(),
        followup_ref=f"sandbox-{uuid4()}",
        goal_ids=(uuid4(), uuid4()),
        start=today + timedelta(days=14),
    )


def answer(case: SandboxCase, status: str, canonical: str) -> Step:
    """Accept or decline: once; the same answer again is answered as the first time."""
    if case.status != RECEIVED:
        if case.status == status and case.answer == canonical:
            return case, []
        refuse("order_already_answered", "The order was already answered with another answer.")
    events = ["contract.offered"] if status == ACCEPTED else []
    new = replace(case, status=status, answer=canonical, revision=case.revision + 1)
    return new, events


def offered(case: SandboxCase) -> SandboxCase:
    """The contract exists once the order is accepted (the sandbox authority signs at once)."""
    if case.status != ACCEPTED:
        refuse("not_found", "No such contract.")
    return case


def countersign(case: SandboxCase, version: int, terms_sha256: str | None) -> Step:
    offered(case)
    if version != 1:
        refuse("stale_version", f"Version {version} is not the latest offer (version 1).")
    if case.countersigned:
        refuse("already_countersigned", "Version 1 is already countersigned.")
    if terms_sha256 is not None and terms_sha256 != case.terms_sha256():
        refuse("terms_hash_mismatch", "The hash does not match the terms offered.")
    new = replace(case, countersigned=True, revision=case.revision + 1)
    return new, ["contract.in_force", "status_report.due"]


def _in_force(case: SandboxCase) -> None:
    offered(case)
    if not case.countersigned:
        refuse("contract_not_in_force", "The contract is not in force.")


def report(case: SandboxCase, report_id: str, followup_ref: str, goals: set[UUID]) -> Step:
    _in_force(case)
    if followup_ref != case.followup_ref:
        refuse("unknown_followup_ref", "The contract has no follow-up with that reference.")
    if not goals <= set(case.goal_ids):
        refuse("unknown_goal", "A goal is not one of the contract's goals.")
    if report_id in case.reports:
        return case, []
    return replace(case, reports=(*case.reports, report_id), revision=case.revision + 1), []


def claim(case: SandboxCase, claim_number: str) -> Step:
    """A claim on the contract; the sandbox authority approves it at once (the caller
    records it and sends ``claim.approved``, which names the claim's id)."""
    _in_force(case)
    if claim_number in case.claim_numbers:
        refuse("duplicate_claim_number", "That claim number is already used.")
    new = replace(case, claim_numbers=(*case.claim_numbers, claim_number))
    return replace(new, revision=case.revision + 1), []
