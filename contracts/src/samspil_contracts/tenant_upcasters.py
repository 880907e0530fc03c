"""Upcasters of the tenant topics' messages, as ``upcasters`` for integration events: a
provider's system that reads an old record sees the current model."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from samspil_contracts.errors import UndecodableEvent
from samspil_contracts.upcasters import Payload, Upcaster


def notification_kind_as_type(v1: Payload) -> Payload:
    """v1 named the webhook type ``kind``; v2 ``type``, as the webhook does."""
    rest = {k: v for k, v in v1.items() if k != "kind"}
    return {"type": v1.get("kind"), **rest}


def result_with_rest_types(v1: Payload) -> Payload:
    """v1 sent every result value as text; v2 sends ``revision`` as the integer REST does."""
    result: dict[str, Any] = dict(v1.get("result") or {})
    revision = result.get("revision")
    if isinstance(revision, str) and revision.isascii() and revision.isdigit():
        result["revision"] = int(revision)
    return {**v1, "result": result}


TENANT_UPCASTERS: Mapping[tuple[str, int], Upcaster] = {
    ("dk.samspil.tenant.notification", 1): notification_kind_as_type,
    ("dk.samspil.tenant.command.accepted", 1): result_with_rest_types,
}


def upcast_tenant(type_name: str, version: int, current: int, payload: Any) -> Any:
    """Lift ``payload`` of ``version`` to ``current`` (a gap is undecodable)."""
    for step in range(version, current):
        upcaster = TENANT_UPCASTERS.get((type_name, step))
        if upcaster is None or not isinstance(payload, dict):
            raise UndecodableEvent(f"no upcaster for {type_name} v{step}")
        payload = upcaster(payload)
    return payload
