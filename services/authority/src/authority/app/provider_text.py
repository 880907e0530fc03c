"""What a provider wrote about a child — a status report's narrative, a concern's or a use
of force's details — opened for the caseworker who views it; each opening is a row in the
access log (who, when, why, and ``what``: ``report_text`` or ``concern_text``).

New boxes are sealed with the child's own key (``kid`` ``child:<id>``), which the keyring
holds: erasing the child shreds them. Boxes accepted before carry the provider's transport
key (``kid`` ``transport:<provider>:v1``) and still open with it, so nothing accepted is
lost; once the child is erased they show as erased all the same. A box that cannot be
opened (a report recorded before its id was kept, which the seal is bound to; a damaged
box) shows as sealed, never as an error.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from samspil_contracts import Sealed
from servicekit.crypto import KeyMissing, unseal

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.cases import Cases
from authority.app.keyring import ChildKey, kid_for
from authority.app.queries import render
from authority.app.transport import Transport
from authority.domain import DomainError

ERASED_TEXT = "[erased]"
SEALED_TEXT = "[sealed]"


class ProviderTexts:
    def __init__(self, kit: Kit, cases: Cases, transport: Transport) -> None:
        self.kit, self.cases, self.transport = kit, cases, transport

    async def followup(self, followup_id: UUID, acting: Acting) -> dict[str, Any] | None:
        """The follow-up with its report's narrative opened (None if there is no such)."""
        loaded = await self.kit.load(self.kit.aggregates.followup, followup_id)
        if loaded.state is None:
            return None
        view = render(loaded.state) | {"revision": loaded.revision}
        case_id, provider_id = await self._parties(loaded.state.contract_id)
        if view["report"] and case_id is not None:
            await self._reveal(case_id, provider_id, [view], acting)
        return view

    async def concern(self, concern_id: UUID, acting: Acting) -> dict[str, Any]:
        loaded = await self.kit.load(self.kit.aggregates.concern, concern_id)
        if loaded.state is None:
            raise DomainError("concern_not_found", "the concern does not exist")
        view = render(loaded.state) | {"revision": loaded.revision}
        _, provider_id = await self._parties(loaded.state.contract_id)
        await self._reveal(loaded.state.case_id, provider_id, [view], acting)
        return view

    async def in_case(self, case: dict[str, Any], acting: Acting) -> None:
        """The narratives and details of a case view (as ``CaseQueries.case`` renders it)."""
        providers = {c["contract_id"]: c["provider_id"] for c in case["contracts"]}
        for items in (case["follow_ups"], case["concerns"], case.get("change_requests", [])):
            by_provider: dict[Any, list[dict[str, Any]]] = {}
            for item in items:
                by_provider.setdefault(providers.get(item["contract_id"]), []).append(item)
            for provider_id, some in by_provider.items():
                found = UUID(str(provider_id)) if provider_id else None
                await self._reveal(UUID(str(case["case_id"])), found, some, acting)

    async def change_requests(
        self, contract_id: UUID, views: list[dict[str, Any]], acting: Acting
    ) -> None:
        """The requests' reasons in clear (``reason``), for a caseworker who views them."""
        case_id, provider_id = await self._parties(contract_id)
        if case_id is not None and views:
            await self._reveal(case_id, provider_id, views, acting)

    async def _parties(self, contract_id: UUID | None) -> tuple[UUID | None, UUID | None]:
        if contract_id is None:
            return None, None
        state = (await self.kit.load(self.kit.aggregates.contract, contract_id)).state
        return (state.case_id, state.provider_id) if state is not None else (None, None)

    async def _reveal(
        self, case_id: UUID, provider_id: UUID | None, views: list[dict[str, Any]], acting: Acting
    ) -> None:
        """Each rendered follow-up or concern gets its text in clear (``narrative`` or
        ``details``) in place of the sealed box; one access-log row per kind opened."""
        key = await self.kit.keyring.key_for(case_id)
        opened: set[str] = set()
        for view in views:
            slot = _slot(view)
            if slot is None:
                continue
            target, sealed, aad, field, what = slot
            target[field] = self._open(key, provider_id, sealed, aad)
            if target[field] not in (ERASED_TEXT, SEALED_TEXT):
                opened.add(what)
        for what in sorted(opened):
            await self.cases.record_access(case_id, acting, what)

    def _open(self, key: ChildKey, provider_id: UUID | None, box: str, aad: Any) -> str:
        if key.erased:  # whatever key sealed it
            return ERASED_TEXT
        if aad is None:
            return SEALED_TEXT
        try:
            sealed = json.loads(box)
            if str(sealed["kid"]).startswith("child:"):
                return unseal(
                    {kid_for(key.child_id): key.value()}, sealed, str(aad).encode()
                ).decode()
            if provider_id is None:
                return SEALED_TEXT
            return self.transport.open_text(
                provider_id, Sealed.model_validate(sealed), UUID(str(aad))
            )
        except (KeyMissing, InvalidTag, ValueError, KeyError, TypeError):
            return SEALED_TEXT


Slot = tuple[dict[str, Any], str, Any, str, str]


def _slot(view: dict[str, Any]) -> Slot | None:
    """Where the sealed box is in a rendered concern or follow-up, its aad, and the field
    that takes its text in place of the box."""
    if "sealed_reason" in view:  # a change request's reason: bound to the request's id
        return view, view.pop("sealed_reason"), view["request_id"], "reason", "change_reason"
    if "summary" in view:  # a concern or use of force: bound to its own id
        return view, view.pop("summary"), view["concern_id"], "details", "concern_text"
    report = view.get("report")
    if report:  # bound to the report's id
        return report, report.pop("text"), report.get("report_id"), "narrative", "report_text"
    return None
