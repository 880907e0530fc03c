"""The case as a whole: folded from its streams (now, or as it stood at a moment), and its
timeline of who did what, when and why. Persons are masked unless revealed."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import TypeAdapter

from authority.app.aggregates import Kit
from authority.app.personal import case_of
from authority.app.settlement_view import settlement_columns
from authority.domain import DomainError
from authority.domain.case import CaseState, Person
from authority.domain.case.cpr import MASK
from authority.domain.casefile import CaseFileState
from authority.domain.change import ContractChanges
from authority.domain.notification import NotificationState

KINDS = {
    "order": "orders",
    "contract": "contracts",
    "followup": "follow_ups",
    "concern": "concerns",
    "claim": "claims",
    "notification": "notifications",
}


FILE_KINDS = ("notes", "documents", "letters")
ERASED = {"name": "[erased]", "cpr": MASK}


def person(p: Person, clear: bool, erased: bool = False) -> dict[str, str]:
    if erased:  # the key is shredded: only placeholders are left to show
        return dict(ERASED)
    if clear:
        return {"name": p.name, "cpr": p.cpr.digits}
    return {"name": "".join(f"{w[0]}." for w in p.name.split() if w), "cpr": MASK}


def render_case(state: CaseState, revision: int, clear: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = TypeAdapter(CaseState).dump_python(state, mode="json")
    guardian = state.custody.guardian
    erased = state.erased
    data |= {
        "child": person(state.child, clear, erased),
        "parents": [person(p, clear, erased) for p in state.parents],
        "custody": {
            "holder": state.custody.holder.value,
            "guardian": person(guardian, clear, erased) if guardian else None,
        },
        "revision": revision,
    }
    return data


def render_notification(state: NotificationState, clear: bool = False) -> dict[str, Any]:
    """A notification with its child masked; a citizen reporter's identity stays hidden
    unless ``clear`` (professionals report in their work role)."""
    data = render(state)
    erased = state.child is not None and state.child.name == ERASED["name"]
    data["child"] = None if state.child is None else person(state.child, clear, erased)
    if not clear and not state.reporter.professional:
        data["reporter"] |= {"name": None, "contact": None}
    return data


def render_casefile(state: CaseFileState) -> dict[str, Any]:
    """Notes newest first; documents with the letters that carried them."""
    data = render(state)
    return {
        "notes": list(reversed(data["notes"])),
        "documents": data["documents"],
        "letters": data["letters"],
    }


def render(state: object) -> dict[str, Any]:
    data: dict[str, Any] = TypeAdapter(type(state)).dump_python(state, mode="json")
    return data


def change_requests(state: ContractChanges, revision: int) -> list[dict[str, Any]]:
    """Each request of a contract with its contract, newest first; the reason still sealed
    (``sealed_reason``) until ``ProviderTexts`` opens it for the caseworker."""
    ids = {"contract_id": str(state.contract_id), "revision": revision}
    return [{**render(r), **ids} for r in reversed(state.requests)]


class CaseQueries:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit

    async def case(self, case_id: UUID, as_of: datetime | None = None) -> dict[str, Any]:
        """Every stream of the case folded; with ``as_of`` only events recorded by then."""
        view: dict[str, Any] = {kind: [] for kind in (*KINDS.values(), *FILE_KINDS)}
        view["change_requests"] = []
        for stream in await self.kit.views.streams_of_case(case_id):
            aggregate = self.kit.aggregates.for_stream(stream)
            if aggregate is None:
                continue
            loaded = await aggregate.replay(await self.kit.store.load(stream, as_of=as_of))
            if loaded.state is None:
                continue
            if aggregate.category == "case":
                view |= render_case(loaded.state, loaded.revision)
            elif aggregate.category == "casefile":
                view |= render_casefile(loaded.state)
            elif aggregate.category == "change":  # one entry per request, as the UI lists them
                view["change_requests"] += change_requests(loaded.state, loaded.revision)
            elif aggregate.category == "claim":  # with each line's outcome, as finance lists it
                found = render(loaded.state) | settlement_columns(loaded.state)
                view["claims"].append(found | {"revision": loaded.revision})
            elif aggregate.category == "notification":
                found = render_notification(loaded.state) | {"revision": loaded.revision}
                view[KINDS[aggregate.category]].append(found)
            else:
                view[KINDS[aggregate.category]].append(
                    {**render(loaded.state), "revision": loaded.revision}
                )
        if "case_id" not in view:
            raise DomainError("case_not_found", "the case did not exist then")
        return view

    async def timeline(self, case_id: UUID) -> list[dict[str, Any]]:
        entries = []
        for stream in await self.kit.views.streams_of_case(case_id):
            for event in await self.kit.store.load(stream):
                meta = event.metadata
                entries.append(
                    {
                        "position": event.position,
                        "stream": stream,
                        "revision": event.revision,
                        "type": event.type,
                        "who": meta.get("actor"),
                        "role": meta.get("role"),
                        "when": meta.get("occurred_at"),
                        "why": meta.get("reason"),
                        "recorded_at": event.recorded_at.isoformat(),
                    }
                )
        if not entries:
            raise DomainError("case_not_found", "the case does not exist")
        return sorted(entries, key=lambda e: e["position"])


__all__ = ["CaseQueries", "case_of", "render", "render_case"]
