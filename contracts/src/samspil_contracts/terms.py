"""Every term a provider is asked to countersign, and the one canonical form both parties
hash (docs/contract-hash.md): the authority computes ``terms_sha256`` from it, the
provider recomputes it from the terms it was shown.

Pure code, no I/O: the authority and the provider import the same definition.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field

from samspil_contracts.common import (
    MAX_PLACES,
    ContactPerson,
    Frequency,
    Goals,
    MeasureCode,
    Price,
    Scope,
    Text,
    Value,
)

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256, lower-case hex")]
# Free text a contract may leave empty (særlige økonomiske aftaler: often none).
OptionalText = Annotated[str, Field(max_length=4000)]
PaymentDays = Annotated[int, Field(ge=0, le=120)]


class FrameworkRef(Value):
    """The standard contract (rammekontrakt) an individual contract is an annex to, bound
    by the hash of its terms: the annex is signed under exactly those terms."""

    standard_contract_id: UUID
    terms_sha256: Sha256


class IndividualTerms(Value):
    """The individual contract (individuel kontrakt) as the provider countersigns it.

    On the wire it travels sealed with the child's key: goals and free text may name the child.
    """

    kind: Literal["individual"] = "individual"
    contract_id: UUID
    version: int = Field(ge=1)
    provider_id: UUID
    case_id: UUID
    order_id: UUID
    measure: MeasureCode
    framework: FrameworkRef
    goals: Goals  # from the child's plan (barnets plan)
    scope: Scope  # omfang
    frequency: Frequency  # hyppighed
    start: date
    expected_end: date | None  # either an end or a duration (forventet varighed), or both
    expected_duration_months: int | None = Field(ge=1, le=240)
    follow_up_wanted: Text  # the follow-up the authority wants (ønsket opfølgning)
    special_economic_agreements: OptionalText  # særlige økonomiske aftaler
    price: Price
    payment_terms_days: PaymentDays
    authority_contact: ContactPerson
    provider_contact: ContactPerson


class GeneralTerms(Value):
    """The general terms (generelle vilkår) of every standard contract."""

    ethics: Text  # etik og menneskesyn
    payment: Text  # betalingsbetingelser
    disputes_and_breach: Text  # tvister og misligholdelse
    sanctions_and_termination: Text  # sanktioner og opsigelse


class ProviderDemands(Value):
    """What the authority demands of the provider for the measure (krav til leverandøren)."""

    opening_hours: Text
    training: Text
    involvement: Text
    confidentiality: Text
    duty_to_notify: Text
    data_storage: Text
    use_of_force: Text


class MeasureSpecificTerms(Value):
    """The measure-specific terms (indsatsspecifikke vilkår)."""

    purpose: Text
    demands_on_authority: Text
    demands_on_provider: ProviderDemands
    places: int = Field(ge=0, le=MAX_PLACES)
    insurance: Text
    follow_up: Text
    price: Price
    price_regulation: Text  # prisregulering
    payment_terms_days: PaymentDays
    start: date
    duration_months: int = Field(ge=1, le=240)


class StandardTerms(Value):
    """The standard contract (standardkontrakt, rammekontrakt) as the provider countersigns it.
    No personal data: it travels in clear."""

    kind: Literal["standard"] = "standard"
    contract_id: UUID
    version: int = Field(ge=1)
    provider_id: UUID
    measure: MeasureCode
    authority_contact: ContactPerson
    provider_contact: ContactPerson
    general: GeneralTerms
    specific: MeasureSpecificTerms


ContractTerms = IndividualTerms | StandardTerms


def canonical_form(terms: ContractTerms) -> bytes:
    """The bytes both parties hash: the terms as JSON with keys sorted at every level, no
    insignificant whitespace, non-ASCII as UTF-8 (not escaped), absent values as ``null``.
    Terms hold no floats (money in øre), so this is RFC 8785 (JCS) for every valid terms."""
    data = terms.model_dump(mode="json")
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def terms_sha256(terms: ContractTerms) -> str:
    """SHA-256 of the canonical form, lower-case hex: the hash the parties sign."""
    return hashlib.sha256(canonical_form(terms)).hexdigest()
