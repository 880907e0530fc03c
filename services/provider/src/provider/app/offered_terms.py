"""The terms a contract's offer carried, as the tenant is shown them, and their hash
recomputed from exactly that (docs/contract-hash.md): what a coordinator countersigns.

An individual contract's terms are kept sealed with the child's key as received and opened
only to be shown or checked; once the child is erased they are not shown (and not signed).
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from samspil_contracts import IndividualTerms, StandardTerms, terms_sha256
from servicekit.crypto import KeyMissing

from provider.app import aggregates as agg
from provider.app.child_text import ERASED_TEXT, ChildText
from provider.app.recording import Recorder
from provider.domain import DomainError, contract, standard

CANONICAL_FORM = "docs/contract-hash.md"  # where the canonical form is documented
UNREADABLE = (
    "terms_unreadable",
    "The offered terms cannot be opened (the child's key is missing or the child was "
    "erased): they cannot be shown, so they cannot be signed.",
)


class OfferedTerms:
    def __init__(self, recorder: Recorder, texts: ChildText) -> None:
        self.recorder, self.texts = recorder, texts

    async def individual(self, found: contract.Contract) -> IndividualTerms | None:
        """The current version's terms (None: offered before terms travelled); refused as
        ``terms_unreadable`` when they cannot be opened."""
        sealed = found.terms.sealed_terms
        if sealed is None:
            return None
        try:
            text = await self.texts.open(
                found.tenant_id, found.order_id, json.loads(sealed), found.contract_id
            )
        except (KeyMissing, InvalidTag, ValueError) as exc:
            raise DomainError(*UNREADABLE) from exc
        if text == ERASED_TEXT:
            raise DomainError(*UNREADABLE)
        shown = IndividualTerms.model_validate_json(text)
        if (shown.contract_id, shown.version) != (found.contract_id, found.version):
            raise DomainError(*UNREADABLE)  # a box of another contract or version
        return shown

    async def individual_sha256(self, found: contract.Contract) -> str | None:
        shown = await self.individual(found)
        return None if shown is None else terms_sha256(shown)

    async def framework(self, standard_contract_id: UUID) -> StandardTerms | None:
        state = (await self.recorder.load(agg.STANDARDS, standard_contract_id)).state
        return None if state is None else standard_terms(state)

    async def view(self, tenant_id: UUID, contract_id: UUID) -> dict[str, Any]:
        """Every term offered for the latest version, the hash offered, and the framework's
        terms for an individual contract (its ``framework`` names them by their hash)."""
        found = (await self.recorder.load(agg.STANDARDS, contract_id)).state
        if found is not None and found.tenant_id == tenant_id:
            terms = standard_terms(found)
            return _shown(found.terms.terms_sha256, terms)
        individual = (await self.recorder.load(agg.CONTRACTS, contract_id)).state
        if individual is None or individual.tenant_id != tenant_id:
            raise DomainError("not_found", "No such contract.")
        try:
            shown = await self.individual(individual)
        except DomainError:  # shown as not readable; signing refuses it with the reason
            return _shown(individual.terms.terms_sha256, None) | {"readable": False}
        view = _shown(individual.terms.terms_sha256, shown)
        if shown is not None:
            framework = await self.framework(shown.framework.standard_contract_id)
            view["framework"] = _shown(shown.framework.terms_sha256, framework)
        return view


def standard_terms(found: standard.StandardContract) -> StandardTerms | None:
    text = found.terms.shown_terms
    return None if text is None else StandardTerms.model_validate_json(text)


def _shown(offered_sha256: str, terms: IndividualTerms | StandardTerms | None) -> dict[str, Any]:
    return {
        "terms": None if terms is None else terms.model_dump(mode="json"),
        "terms_sha256": offered_sha256,
        "canonical_form": CANONICAL_FORM,
    }
