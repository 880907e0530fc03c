"""The OpenAPI document fit for generating a client: each operation's id is its function's
name (``accept_order``, not ``accept_orders__order_id__accept_post``), and every refusal a
route can give is documented as the problem+json it is."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

PROBLEM_JSON = "application/problem+json"
NON_WORD = re.compile(r"\W")
UNCHECKED = ("/healthz", "/readyz", "/metrics")  # no credentials, no problems of these kinds
REFUSALS = {
    "401": "No or an unknown credential (`unauthenticated`)",
    "403": "The credential may not do this (`forbidden`: a role or another kind of caller)",
    "404": "Not found for this tenant (`not_found`; another tenant's object is not found either)",
    "409": "A conflict: a stale `expected_revision`/`If-Match` (`stale_revision`) or a state "
    "that refuses the command",
    "422": "Invalid input (`invalid_request`, with `errors`) or a refused command (its code)",
}

IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
    "description": "Send a new unique key (e.g. a UUID) with each POST and the same key when "
    "you retry it: the retry gets the first answer (`Idempotent-Replayed: true`) and has no "
    "second effect. The same key with another request is a 422 `idempotency_key_reused`; "
    "while the first still runs, a 409 `idempotency_key_in_progress`. Keys are kept 24 hours "
    "per API key; a 5xx, 401, 403, 409 or 429 is not kept, so a retry runs again.",
}


class Problem(BaseModel):
    """RFC 9457 problem details; switch on ``type``'s last segment, the stable code
    (``<API address>/problems/<code>``, which resolves: ``GET /problems/{code}``)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="<API address>/problems/<code>: resolves to what it means")
    title: str
    status: int
    detail: str = Field(description="Human-readable, Danish and/or English")
    instance: str = Field(description="The request's path")


def install(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = generate()
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas["Problem"] = Problem.model_json_schema()
        for path, operations in spec["paths"].items():
            for method, operation in operations.items():
                operation["operationId"] = _function_name(path, method, operation)
                if path not in UNCHECKED:
                    _document_refusals(path, method, operation["responses"])
                if method == "post" and path not in UNCHECKED:
                    operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def _function_name(path: str, method: str, operation: dict[str, Any]) -> str:
    """FastAPI's generated id is ``<function><path, non-word characters as _>_<method>``:
    the function's name alone is the id (the names are unique: a test checks)."""
    generated: str = operation["operationId"]
    return generated.removesuffix(NON_WORD.sub("_", path) + f"_{method}")


def _document_refusals(path: str, method: str, responses: dict[str, Any]) -> None:
    statuses = ["401", "403", "422"]
    if "{" in path:
        statuses.append("404")
    if method in ("post", "put", "delete"):
        statuses.append("409")
    problem = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for status in statuses:
        responses[status] = {"description": REFUSALS[status], "content": problem}
