"""Direct Kafka for providers' own systems: one set of topics per provider (tenant).

A provider's system reads its notifications (the webhook payloads) and results from
``samspil.tenant.<provider_id>.notifications.v1`` and writes commands to
``samspil.tenant.<provider_id>.commands.v1``; records the provider service cannot decode go
to ``<commands topic>.dlq``. Kafka ACLs are granted per topic prefix, so a principal per
provider with ACLs on its own prefix cannot read or write another provider's records. The
provider service takes the tenant from the topic a command arrived on, never from the
payload: a command naming another tenant's order is refused as ``not_found``.
"""

from __future__ import annotations

import re
from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from samspil_contracts.topics import dlq

TENANT_ROOT = "samspil.tenant."
NOTIFICATIONS = "notifications.v1"
COMMANDS = "commands.v1"
_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class TenantMessage(BaseModel):
    """A record on a tenant's topics: frozen, closed, named by its CloudEvents type."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type_name: ClassVar[str]
    schema_version: ClassVar[int]
    direction: ClassVar[str]  # "command" (tenant -> provider) or "event" (provider -> tenant)


def tenant_prefix(provider_id: UUID | str, prefix: str = "") -> str:
    """The prefix a tenant's ACLs are granted on (``prefix``: the deployment's topic prefix)."""
    return f"{prefix}{TENANT_ROOT}{provider_id}."


def notifications_topic(provider_id: UUID | str, prefix: str = "") -> str:
    return tenant_prefix(provider_id, prefix) + NOTIFICATIONS


def commands_topic(provider_id: UUID | str, prefix: str = "") -> str:
    return tenant_prefix(provider_id, prefix) + COMMANDS


def commands_dlq(provider_id: UUID | str, prefix: str = "") -> str:
    return dlq(commands_topic(provider_id, prefix))


def tenant_topics(provider_id: UUID | str, prefix: str = "") -> list[str]:
    """Every topic a tenant has, created when the tenant is."""
    return [
        notifications_topic(provider_id, prefix),
        commands_topic(provider_id, prefix),
        commands_dlq(provider_id, prefix),
    ]


def commands_pattern(prefix: str = "") -> str:
    """The regex the provider service subscribes with: every tenant's commands topic."""
    return f"^{re.escape(prefix + TENANT_ROOT)}({_UUID})\\.{re.escape(COMMANDS)}$"


def provider_of(topic: str, prefix: str = "") -> UUID | None:
    """The tenant a commands topic belongs to, or None for any other topic."""
    found = re.match(commands_pattern(prefix), topic)
    return UUID(found.group(1)) if found else None
