"""What the sandbox routes answer: the shapes of the real order, contract and follow-up
views (the fields a client reads), with ``sandbox: true``; and example data per type."""

from __future__ import annotations

import types
import typing
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any, Literal
from uuid import UUID, uuid4

from pydantic import BaseModel

from provider.domain.sandbox import ACCEPTED, SandboxCase
from provider.entrypoints.http.webhook_docs import CATALOGUE


def order_view(case: SandboxCase) -> dict[str, Any]:
    return {
        "order_id": case.order_id,
        "status": case.status,
        "order_version": 1,
        "revision": case.revision,
        "measure_code": "sel_52_3_3",
        "contract_id": case.contract_id if case.status == ACCEPTED else None,
        "sandbox": True,
    }


def contract_view(case: SandboxCase) -> dict[str, Any]:
    due = datetime.combine(case.start + timedelta(days=90), datetime.min.time(), UTC)
    follow_up = {
        "followup_ref": case.followup_ref,
        "contract_id": case.contract_id,
        "order_id": case.order_id,
        "due_at": due,
        "due_on": due.date(),
        "status": "open",
        "report_due_at": due - timedelta(days=14),
        "report_due_on": (due - timedelta(days=14)).date(),
        "report_status": "met" if case.reports else "open",
    }
    return {
        "contract_id": case.contract_id,
        "kind": "individual",
        "order_id": case.order_id,
        "version": 1,
        "countersigned_version": 1 if case.countersigned else None,
        "in_force": case.countersigned,
        "revision": case.revision,
        "offer": {"terms": case.terms(), "terms_sha256": case.terms_sha256()},
        "follow_ups": [follow_up] if case.countersigned else [],
        "sandbox": True,
    }


def example_data(event_type: str) -> dict[str, Any]:
    """Data of ``event_type`` as the catalogue types it, with invented values."""
    model = CATALOGUE[event_type][0]
    values = {name: _example(field.annotation) for name, field in model.model_fields.items()}
    return model.model_validate(values).model_dump(mode="json")


def _example(annotation: Any) -> Any:  # noqa: PLR0911 (one answer per kind of field)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Literal:
        return args[0]
    if origin in (typing.Union, types.UnionType):
        return _example(next(arg for arg in args if arg is not type(None)))
    if origin is list:
        return [_example(args[0])]
    if annotation is UUID:
        return uuid4()
    if annotation is int:
        return 1
    if annotation is datetime:
        return datetime.now(UTC)
    if annotation is date:
        return datetime.now(UTC).date()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {name: _example(f.annotation) for name, f in annotation.model_fields.items()}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return next(iter(annotation)).value
    return "sandbox"
