"""Stable ids of the JSON Schemas, referenced from ``ce_dataschema`` and the AsyncAPI file."""

SCHEMA_BASE = "https://schemas.samspil.dk/events/"


def schema_file(type_name: str, version: int) -> str:
    return f"{type_name}.v{version}.json"


def schema_id(type_name: str, version: int) -> str:
    return SCHEMA_BASE + schema_file(type_name, version)
