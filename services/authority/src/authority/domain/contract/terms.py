"""Checks on contract terms before anyone is asked to sign them."""

from authority.domain.contract.model import Contact, ContractTerms
from authority.domain.errors import require, require_text
from authority.domain.vocabulary import require_goals

MAX_PAYMENT_DAYS = 120


def check_terms(terms: ContractTerms) -> None:
    require_goals(terms.goals)
    require_text(terms.scope, "scope")
    require_text(terms.frequency, "frequency")
    require_text(terms.follow_up_wanted, "follow_up_wanted")
    _check_duration(terms)
    require(terms.price_per_unit_oere >= 0, "invalid_price", "the price cannot be negative")
    require(
        0 <= terms.payment_terms_days <= MAX_PAYMENT_DAYS,
        "invalid_payment_terms",
        f"payment terms must be 0 to {MAX_PAYMENT_DAYS} days",
    )
    _check_contact(terms.authority_contact, "authority_contact")
    _check_contact(terms.provider_contact, "provider_contact")


def _check_duration(terms: ContractTerms) -> None:
    require(
        terms.expected_end is not None or terms.duration_months is not None,
        "duration_required",
        "give an expected end or an expected duration",
    )
    require(
        terms.expected_end is None or terms.expected_end >= terms.start,
        "invalid_period",
        "the expected end is before the start",
    )
    require(
        terms.duration_months is None or terms.duration_months >= 1,
        "invalid_duration",
        "the expected duration must be at least one month",
    )


def _check_contact(contact: Contact, field: str) -> None:
    require_text(contact.name, f"{field}_name")
    require_text(contact.email, f"{field}_email")
