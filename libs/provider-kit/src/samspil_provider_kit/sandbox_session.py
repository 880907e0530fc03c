"""What every flow step shares: the sandbox session, reading the typed answers, and the
sandbox's order and contract as they are now."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import UUID

from samspil_provider_client import AuthenticatedClient
from samspil_provider_client.api.sandbox import (
    get_sandbox_contract,
    get_sandbox_order,
    open_sandbox_order,
)
from samspil_provider_client.models import Problem, SandboxContract, SandboxOrder
from samspil_provider_client.types import Response

T = TypeVar("T")


class FlowFailed(Exception):
    """A step got an answer other than the one the API documents."""


@dataclass
class Sandbox:
    api: AuthenticatedClient
    found: dict[str, Any] = field(default_factory=dict)  # ids a later step needs


def expect(what: str, response: Response[Any], status: int, kind: type[T]) -> T:
    """The parsed answer if it is a ``kind`` with ``status``; else FlowFailed naming the
    problem code."""
    parsed = response.parsed
    if response.status_code == status and isinstance(parsed, kind):
        return parsed
    code = parsed.type_.rsplit("/", 1)[-1] if isinstance(parsed, Problem) else ""
    raise FlowFailed(f"{what}: {int(response.status_code)} {code}".rstrip())


async def order_now(s: Sandbox, order_id: UUID | None = None) -> SandboxOrder:
    """A new sandbox order, or the one named, as it is now."""
    if order_id is None:
        opened = await open_sandbox_order.asyncio_detailed(client=s.api)
        return expect("open order", opened, 201, SandboxOrder)
    read = await get_sandbox_order.asyncio_detailed(order_id, client=s.api)
    return expect("read order", read, 200, SandboxOrder)


async def contract_now(s: Sandbox, contract_id: UUID) -> SandboxContract:
    read = await get_sandbox_contract.asyncio_detailed(contract_id, client=s.api)
    return expect("read contract", read, 200, SandboxContract)


def needs(s: Sandbox, key: str, step: str) -> Any:
    if key not in s.found:
        raise FlowFailed(f"needs: {step}")
    return s.found[key]
