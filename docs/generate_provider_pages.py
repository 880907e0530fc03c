"""Writes the generated pages of the provider documentation site (docs/providers): the
event catalogue from the provider's own catalogue (the types it may send, typed), and the
error codes from the texts its problem types resolve to. A test fails while they differ:
``uv run python docs/generate_provider_pages.py`` after changing either."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path

from provider.entrypoints.http.error_texts import ERROR_TEXTS
from provider.entrypoints.http.webhook_docs import CATALOGUE
from pydantic import BaseModel
from servicekit.problem_pages import GENERIC

PAGES = Path(__file__).resolve().parent / "providers"


def _type_name(annotation: object) -> str:
    """``UUID``, ``int``, ``"a" or "b"`` (a choice), ``list of UUID``; ``X | None`` is X."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return " or ".join(f'"{arg}"' if isinstance(arg, str) else str(arg) for arg in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(arg) for arg in args if arg is not type(None))
    if origin is list:
        return f"list of {_type_name(args[0])}"
    return getattr(annotation, "__name__", str(annotation))


def _fields(model: type[BaseModel]) -> str:
    parts = []
    for name, field in model.model_fields.items():
        optional = "" if field.is_required() else ", optional"
        parts.append(f"`{name}` ({_type_name(field.annotation)}{optional})")
    return "; ".join(parts)


def catalogue_page() -> str:
    lines = [
        "# Event catalogue",
        "",
        "Every `type` Samspil sends, by webhook and on your Kafka notifications topic alike,",
        "with the same `data`. Generated from the provider's own catalogue",
        "(`docs/generate_provider_pages.py`); the typed JSON Schema of each `data` is in the",
        "OpenAPI document's `webhooks` section, and the protocol in [Webhooks](webhooks.md).",
        "Payloads are thin: fetch the named resource and act on what it says",
        '([the "fetch the resource" rule](webhooks.md#the-fetch-the-resource-rule)). A message',
        'from your [sandbox](sandbox.md) has `"sandbox": true` in `data`.',
        "",
        f"{len(CATALOGUE)} types.",
        "",
        "| type | when it is sent | `data` | fetch |",
        "|---|---|---|---|",
    ]
    for event_type, (model, when, fetch) in CATALOGUE.items():
        lines.append(f"| `{event_type}` | {when} | {_fields(model)} | `{fetch}` |")
    return "\n".join(lines) + "\n"


def errors_page() -> str:
    codes = {code: texts[1] for code, texts in GENERIC.items()}
    codes |= ERROR_TEXTS["en"]
    lines = [
        "# Errors",
        "",
        "A refusal is `application/problem+json` ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)):",
        "",
        "```json",
        json.dumps(
            {
                "type": "https://provider.samspil.example/problems/order_already_answered",
                "title": "order already answered",
                "status": 409,
                "detail": "The order was already answered with another answer.",
                "instance": "/orders/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d/accept",
            },
            indent=2,
        ),
        "```",
        "",
        "Switch on the last segment of `type`, the stable **code**. The `type` resolves:",
        "`GET /problems/{code}` answers what the code means in Danish and English (JSON, or a",
        "page for `Accept: text/html`). `401` no or an unknown key, `403` a role that may not,",
        "`404` not found for your tenant, `409` a conflict with the current state, `422` invalid",
        "input (`invalid_request`, with `errors` naming each field) or a refused command.",
        "",
        "Generated from the texts the problem types resolve to",
        "(`docs/generate_provider_pages.py`):",
        "",
        "| code | meaning |",
        "|---|---|",
    ]
    for code, text in sorted(codes.items()):
        lines.append(f"| `{code}` | {text.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


GENERATED = {"catalogue.md": catalogue_page, "errors.md": errors_page}


if __name__ == "__main__":
    for name, page in GENERATED.items():
        (PAGES / name).write_text(page(), encoding="utf-8")
