"""Decide and evolve for standard contracts: drafted with complete terms, signed by both."""

from dataclasses import fields, replace

from authority.domain.audit import CASEWORK, require_role, stamp
from authority.domain.contract.model import Contact, Party
from authority.domain.errors import DomainError, require, require_text
from authority.domain.standard.messages import (
    DraftStandardContract,
    RecordStandardCountersigned,
    SignStandardAsAuthority,
    StandardCommand,
    StandardContractDrafted,
    StandardContractSigned,
    StandardEvent,
)
from authority.domain.standard.model import StandardContractState, StandardTerms

MAX_PAYMENT_DAYS = 120


def decide(command: StandardCommand, state: StandardContractState | None) -> list[StandardEvent]:
    match command:
        case DraftStandardContract():
            require_role(command, CASEWORK)
            require(state is None, "contract_exists", "this standard contract already exists")
            check_standard_terms(command.terms)
            return [
                StandardContractDrafted(
                    **stamp(command),
                    standard_contract_id=command.standard_contract_id,
                    provider_id=command.provider_id,
                    terms=command.terms,
                )
            ]
        case SignStandardAsAuthority():
            require_role(command, CASEWORK)
            found = _existing(state)
            _unsigned(found.authority_signed)
            return [StandardContractSigned(**stamp(command), party=Party.AUTHORITY)]
        case RecordStandardCountersigned():
            found = _existing(state)
            require(
                found.authority_signed,
                "authority_signature_missing",
                "the authority signs before the provider countersigns",
            )
            _unsigned(found.provider_signed)
            return [StandardContractSigned(**stamp(command), party=Party.PROVIDER)]


def check_standard_terms(terms: StandardTerms) -> None:
    """Every term of the framework must say something: a blank term binds no one."""
    for part in (terms.general, terms.specific.demands_on_provider):
        for f in fields(part):
            require_text(getattr(part, f.name), f.name)
    specific = terms.specific
    for name in ("purpose", "demands_on_authority", "insurance", "follow_up", "price_regulation"):
        require_text(getattr(specific, name), name)
    require(specific.places >= 0, "invalid_places", "the number of places cannot be negative")
    require(specific.price_per_unit_oere >= 0, "invalid_price", "the price cannot be negative")
    require(specific.duration_months >= 1, "invalid_duration", "at least one month")
    require(
        0 <= specific.payment_terms_days <= MAX_PAYMENT_DAYS,
        "invalid_payment_terms",
        f"payment terms must be 0 to {MAX_PAYMENT_DAYS} days",
    )
    for contact, field in (
        (terms.authority_contact, "authority"),
        (terms.provider_contact, "provider"),
    ):
        _check_contact(contact, f"{field}_contact")


def _check_contact(contact: Contact, field: str) -> None:
    require_text(contact.name, f"{field}_name")
    require_text(contact.email, f"{field}_email")


def _existing(state: StandardContractState | None) -> StandardContractState:
    if state is None:
        raise DomainError("standard_contract_not_found", "the standard contract does not exist")
    return state


def _unsigned(signed: bool) -> None:
    require(not signed, "already_signed", "this party has already signed")


def evolve(state: StandardContractState | None, event: StandardEvent) -> StandardContractState:
    if isinstance(event, StandardContractDrafted):
        return StandardContractState(
            standard_contract_id=event.standard_contract_id,
            provider_id=event.provider_id,
            terms=event.terms,
        )
    if state is None:
        raise ValueError("a signature before StandardContractDrafted: the stream is corrupt")
    if event.party is Party.AUTHORITY:
        return replace(state, authority_signed=True)
    return replace(state, provider_signed=True)
