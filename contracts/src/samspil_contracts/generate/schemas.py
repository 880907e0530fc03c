"""JSON Schema documents of the current version of every event."""

from __future__ import annotations

from typing import Any

from samspil_contracts.base import IntegrationEvent
from samspil_contracts.registry import EVENT_TYPES
from samspil_contracts.schema_ids import schema_file, schema_id
from samspil_contracts.tenant import TenantMessage, commands_topic, notifications_topic
from samspil_contracts.tenant_messages import TENANT_MESSAGES

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def event_schema(cls: type[IntegrationEvent]) -> dict[str, Any]:
    body = cls.model_json_schema()
    header = {
        "$schema": DIALECT,
        "$id": schema_id(cls.type_name, cls.schema_version),
        "title": cls.__name__,
        "x-cloudevents-type": cls.type_name,
        "x-schema-version": cls.schema_version,
        "x-kafka-topic": cls.topic,
    }
    return {**header, **{k: v for k, v in body.items() if k != "title"}}


def tenant_schema(cls: type[TenantMessage]) -> dict[str, Any]:
    topic = commands_topic if cls.direction == "command" else notifications_topic
    body = cls.model_json_schema()
    header = {
        "$schema": DIALECT,
        "$id": schema_id(cls.type_name, cls.schema_version),
        "title": cls.__name__,
        "x-cloudevents-type": cls.type_name,
        "x-schema-version": cls.schema_version,
        "x-kafka-topic": topic("{providerId}"),
    }
    return {**header, **{k: v for k, v in body.items() if k != "title"}}


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every registered event and tenant message."""
    found = {schema_file(c.type_name, c.schema_version): event_schema(c) for c in EVENT_TYPES}
    for cls in TENANT_MESSAGES:
        found[schema_file(cls.type_name, cls.schema_version)] = tenant_schema(cls)
    return found
