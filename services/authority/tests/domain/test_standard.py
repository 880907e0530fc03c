"""Standard contracts: complete terms, in force only when both parties have signed."""

from dataclasses import replace
from datetime import date
from uuid import UUID

from authority.domain import MeasureCode, PriceUnit
from authority.domain.contract import Contact, Party
from authority.domain.errors import DomainError
from authority.domain.standard import (
    DraftStandardContract,
    GeneralTerms,
    MeasureTerms,
    ProviderDemands,
    RecordStandardCountersigned,
    SignStandardAsAuthority,
    StandardContractDrafted,
    StandardContractSigned,
    StandardContractState,
    StandardTerms,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, FINANCE, SYSTEM

standard = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
DEMANDS = ProviderDemands(
    opening_hours="Weekdays 8-20, on call weekends",
    training="Social educators with family-work training",
    involvement="Parents take part in every plan",
    confidentiality="Staff sign a duty of confidentiality",
    duty_to_notify="Notify the authority at once of any concern",
    data_storage="Case notes kept 5 years, encrypted",
    use_of_force="Every use of force reported within 24 hours",
)
TERMS = StandardTerms(
    measure=MeasureCode.SUPPORT_IN_HOME,
    authority_contact=Contact("Anna Caseworker", "anna@kommune.example"),
    provider_contact=Contact("Frida Manager", "frida@provider.example"),
    general=GeneralTerms(
        ethics="Respect for the child's and family's integrity",
        payment="Monthly in arrears",
        disputes_and_breach="Negotiation, then the courts",
        sanctions_and_termination="Three months' notice; at once on gross breach",
    ),
    specific=MeasureTerms(
        purpose="Support in the home (barnets lov § 32, stk. 1, nr. 2)",
        demands_on_authority="Clear orders with goals from the action plan",
        demands_on_provider=DEMANDS,
        places=12,
        insurance="Liability insurance",
        follow_up="Status report before each statutory follow-up",
        price_per_unit_oere=55_000,
        unit=PriceUnit.HOUR,
        price_regulation="Yearly by the wage index",
        payment_terms_days=30,
        start=date(2025, 4, 1),
        duration_months=24,
    ),
)
draft = DraftStandardContract(
    actor=CASEWORKER, at=AT, standard_contract_id=UUID(int=1), provider_id=UUID(int=2), terms=TERMS
)
drafted = StandardContractDrafted(
    actor=CASEWORKER, at=AT, standard_contract_id=UUID(int=1), provider_id=UUID(int=2), terms=TERMS
)
signed = StandardContractSigned(actor=CASEWORKER, at=AT, party=Party.AUTHORITY)
countersigned = StandardContractSigned(actor=SYSTEM, at=AT, party=Party.PROVIDER)


def test_a_standard_contract_is_drafted_with_its_terms_but_not_in_force() -> None:
    state = standard.given().when(draft).then(drafted)
    assert isinstance(state, StandardContractState)
    assert not state.in_force
    standard.given(drafted).when(draft).then_refused("contract_exists")


def test_every_term_must_say_something() -> None:
    blank_ethics = replace(TERMS, general=replace(TERMS.general, ethics=" "))
    standard.given().when(replace(draft, terms=blank_ethics)).then_refused("ethics_required")
    no_force_rule = replace(DEMANDS, use_of_force="")
    specific = replace(TERMS.specific, demands_on_provider=no_force_rule)
    standard.given().when(replace(draft, terms=replace(TERMS, specific=specific))).then_refused(
        "use_of_force_required"
    )
    negative = replace(TERMS, specific=replace(TERMS.specific, places=-1))
    standard.given().when(replace(draft, terms=negative)).then_refused("invalid_places")
    standard.given().when(replace(draft, actor=FINANCE)).then_refused("forbidden_role")


def test_in_force_only_when_both_parties_have_signed() -> None:
    sign = SignStandardAsAuthority(actor=CASEWORKER, at=AT)
    countersign = RecordStandardCountersigned(actor=SYSTEM, at=AT)
    standard.given(drafted).when(countersign).then_refused("authority_signature_missing")
    half = standard.given(drafted).when(sign).then(signed)
    assert isinstance(half, StandardContractState)
    assert not half.in_force
    standard.given(drafted, signed).when(sign).then_refused("already_signed")
    both = standard.given(drafted, signed).when(countersign).then(countersigned)
    assert isinstance(both, StandardContractState)
    assert both.in_force
    standard.given().when(sign).then_refused("standard_contract_not_found")
