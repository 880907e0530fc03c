"""The tenant channels of the AsyncAPI document: one set of topics per provider.

The address holds a ``{providerId}`` parameter; ``x-acl`` states who may do what on it, so
the isolation design is part of the published interface.
"""

from __future__ import annotations

from typing import Any

from samspil_contracts import tenant
from samspil_contracts.envelope import CONTENT_TYPE
from samspil_contracts.schema_ids import schema_file
from samspil_contracts.tenant import TenantMessage
from samspil_contracts.tenant_messages import TENANT_COMMANDS, TENANT_EVENTS, TENANT_MESSAGES

KAFKA_BINDING = "0.5.0"
PREFIX = tenant.tenant_prefix("{providerId}")
PARAMETERS = {"providerId": {"description": "The provider's tenant id (a UUID)"}}
ISOLATION = (
    "Per-tenant topics under samspil.tenant.{providerId}. with one SASL principal per "
    "provider (User:provider-{providerId}) and PREFIXED ACLs on that prefix only; the provider "
    "service takes the tenant from the topic, never from the payload."
)

CHANNELS: dict[str, dict[str, Any]] = {
    "tenantNotifications": {
        "address": tenant.notifications_topic("{providerId}"),
        "description": "Notifications (the webhook payloads) and command results. Key: subject",
        "messages": TENANT_EVENTS,
        "x-acl": {"tenant principal": ["READ", "DESCRIBE"], "provider service": ["WRITE"]},
    },
    "tenantCommands": {
        "address": tenant.commands_topic("{providerId}"),
        "description": "Commands from the provider's own system. Key: the order/contract id",
        "messages": TENANT_COMMANDS,
        "x-acl": {"tenant principal": ["WRITE", "DESCRIBE"], "provider service": ["READ"]},
    },
    "tenantCommandsDlq": {
        "address": tenant.commands_dlq("{providerId}"),
        "description": "Commands that cannot be decoded, with the reason in dlq_reason",
        "messages": TENANT_COMMANDS,
        "x-acl": {"tenant principal": ["READ", "DESCRIBE"], "provider service": ["WRITE"]},
    },
}


def message(cls: type[TenantMessage]) -> dict[str, Any]:
    return {
        "name": cls.type_name,
        "title": cls.__name__,
        "summary": (cls.__doc__ or cls.__name__).strip().splitlines()[0],
        "contentType": CONTENT_TYPE,
        "headers": {"$ref": "#/components/schemas/CloudEventsHeaders"},
        "payload": {"$ref": f"./schemas/{schema_file(cls.type_name, cls.schema_version)}"},
        "bindings": {"kafka": {"key": {"type": "string"}, "bindingVersion": KAFKA_BINDING}},
    }


def channels() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, spec in CHANNELS.items():
        found[name] = {
            "address": spec["address"],
            "description": f"{spec['description']}. {ISOLATION}",
            "parameters": PARAMETERS,
            "messages": {
                c.__name__: {"$ref": f"#/components/messages/{c.__name__}"}
                for c in spec["messages"]
            },
            "x-acl": {"resourcePatternType": "PREFIXED", "prefix": PREFIX, **spec["x-acl"]},
        }
    return found


def operations() -> dict[str, Any]:
    def op(action: str, channel: str, who: str) -> dict[str, Any]:
        return {
            "action": action,
            "channel": {"$ref": f"#/channels/{channel}"},
            "summary": f"{who} {action}s {CHANNELS[channel]['address']}",
            "messages": [
                {"$ref": f"#/channels/{channel}/messages/{c.__name__}"}
                for c in CHANNELS[channel]["messages"]
            ],
        }

    return {
        "providerSendTenantNotifications": op("send", "tenantNotifications", "provider"),
        "providerReceiveTenantCommands": op("receive", "tenantCommands", "provider"),
        "providerSendTenantCommandsDlq": op("send", "tenantCommandsDlq", "provider"),
    }


def messages() -> dict[str, Any]:
    return {c.__name__: message(c) for c in TENANT_MESSAGES}


SECURITY_SCHEMES = {
    "tenantSasl": {
        "type": "plain",
        "description": "SASL/PLAIN (over TLS in production) with the provider's own principal. "
        + ISOLATION,
    }
}
