"""Barnets lov § 32: a decision on a støttende indsats states its purpose and expected
duration (stk. 3), has every custody holder's consent (stk. 2), and rests on a concluded
afdækning (§ 19) or børnefaglig undersøgelse (§ 20), or starts in parallel with one with a
justification (stk. 4). Placement (§ 46) keeps the concluded child investigation."""

from dataclasses import replace
from datetime import timedelta
from uuid import UUID

import pytest
from authority.domain import MeasureCode
from authority.domain.case import (
    CaseState,
    Consent,
    DecisionBasis,
    DecisionProposed,
    InvestigationKind,
    InvestigationStarted,
    Recipient,
    StartInvestigation,
)
from authority.domain.case.events import CaseEvent
from authority.domain.case.parties import Party
from authority.domain.letters.decision import decision_letter
from authority.domain.vocabulary import LEGAL_BASIS, SECTION_32
from eventkit import RecordedEvent
from servicekit.codec import EventCodec

from .builders import AT, CASEWORKER
from .test_case import CONSENT, case, concluded, opened, propose, proposed, started

afdaekning = replace(started, kind=InvestigationKind.ASSESSMENT)


def test_section_32_stk_1_the_eight_kinds_are_cited_by_their_number() -> None:
    # Given the stored measure codes; then the eight kinds of § 32, stk. 1 are nr. 1-8
    cited = {LEGAL_BASIS[m].rsplit("nr. ", 1)[1] for m in SECTION_32}
    assert cited == {str(n) for n in range(1, 9)}
    assert LEGAL_BASIS[MeasureCode.SUPPORT_IN_HOME] == "Barnets lov § 32, stk. 1, nr. 2"
    assert LEGAL_BASIS[MeasureCode.RESPITE_CARE] == "Barnets lov § 32, stk. 1, nr. 7"
    assert MeasureCode.PLACEMENT not in SECTION_32


def test_section_32_stk_3_the_decision_states_its_purpose() -> None:
    # Given a concluded investigation, when a proposal states no purpose, then it is refused
    given = case.given(opened, started, concluded)
    given.when(replace(propose(), purpose="  ")).then_refused("purpose_required")
    given.when(replace(propose(), purpose=None)).then_refused("purpose_required")


@pytest.mark.parametrize("months", [None, 0, 121])
def test_section_32_stk_3_the_decision_states_its_expected_duration(months: int | None) -> None:
    given = case.given(opened, started, concluded)
    given.when(replace(propose(), expected_duration_months=months)).then_refused(
        "expected_duration_required"
    )


def test_section_32_stk_3_purpose_and_duration_are_recorded_on_the_decision() -> None:
    state = case.given(opened, started, concluded).when(propose()).then(proposed)
    assert isinstance(state, CaseState)
    decision = state.decisions[0]
    assert decision.purpose == proposed.purpose
    assert decision.expected_duration_months == 6
    assert decision.consent == CONSENT


@pytest.mark.parametrize(
    "consent",
    [None, Consent(frozenset({Recipient.MOTHER}), AT.date())],
    ids=["none", "one-of-two-holders"],
)
def test_section_32_stk_2_every_custody_holder_consents(consent: Consent | None) -> None:
    # Given joint custody, when a proposal lacks a holder's consent, then it is refused
    given = case.given(opened, started, concluded)
    given.when(replace(propose(), consent=consent)).then_refused("custody_consent_missing")


def test_section_32_stk_2_the_consent_is_not_dated_after_the_decision() -> None:
    later = Consent(CONSENT.given_by, AT.date() + timedelta(days=2))
    given = case.given(opened, started, concluded)
    given.when(replace(propose(), consent=later)).then_refused("consent_in_future")


def test_section_32_stk_4_a_decision_with_neither_afdaekning_nor_investigation_is_refused() -> None:
    case.given(opened).when(propose()).then_refused("investigation_not_concluded")


def test_section_32_stk_4_a_decision_rests_on_a_concluded_afdaekning() -> None:
    # Given a concluded afdækning (§ 19), when a § 32 measure is proposed, then it is recorded
    state = case.given(opened, afdaekning, concluded).when(propose()).then(proposed)
    assert isinstance(state, CaseState)
    assert state.investigation is not None
    assert state.investigation.kind is InvestigationKind.ASSESSMENT


def test_section_32_stk_4_a_decision_in_parallel_needs_a_justification() -> None:
    # Given an investigation still running
    given = case.given(opened, started)
    # When the measure starts in parallel without saying why, then it is refused
    given.when(propose()).then_refused("parallel_justification_required")
    # And with a justification it is recorded as a parallel start
    why = "The family is in crisis now; waiting four months would harm the child."
    given.when(replace(propose(), parallel_justification=why)).then(
        replace(proposed, basis=DecisionBasis.PARALLEL, parallel_justification=why)
    )


def test_section_46_a_placement_needs_a_concluded_child_investigation() -> None:
    placement = replace(propose(), measure=MeasureCode.PLACEMENT, legal_basis="Barnets lov § 46")
    why = "Acute need"
    # Neither a parallel start nor an afdækning is enough for a placement
    case.given(opened, started).when(replace(placement, parallel_justification=why)).then_refused(
        "investigation_not_concluded"
    )
    case.given(opened, afdaekning, concluded).when(placement).then_refused(
        "investigation_not_concluded"
    )
    case.given(opened, started, concluded).when(placement).then(
        replace(proposed, measure=MeasureCode.PLACEMENT, legal_basis="Barnets lov § 46")
    )


def test_section_19_an_afdaekning_is_started_as_such() -> None:
    command = StartInvestigation(
        actor=CASEWORKER, at=AT, investigation_id=UUID(int=300), kind=InvestigationKind.ASSESSMENT
    )
    case.given(opened).when(command).then(afdaekning)


def test_events_stored_before_section_32_was_recorded_still_read() -> None:
    # Given a proposal and an investigation as stored before these fields existed
    codec: EventCodec[CaseEvent] = EventCodec([DecisionProposed, InvestigationStarted])
    old_proposal = {
        "actor": {"user_id": "cw-anna", "role": "caseworker"},
        "at": AT.isoformat(),
        "decision_id": str(UUID(int=200)),
        "measure": "sel_52_3_2",
        "legal_basis": "Serviceloven § 52, stk. 3, nr. 2",
        "assessment": "Mornings break down",
    }
    old_start = {k: old_proposal[k] for k in ("actor", "at")} | {
        "investigation_id": str(UUID(int=300))
    }
    # When read, then they load with the new fields empty and a child investigation
    read = codec.load(recorded("DecisionProposed", old_proposal))
    assert isinstance(read, DecisionProposed)
    assert (read.purpose, read.consent, read.basis) == (None, None, None)
    start = codec.load(recorded("InvestigationStarted", old_start))
    assert isinstance(start, InvestigationStarted)
    assert start.kind is InvestigationKind.CHILD_INVESTIGATION


def recorded(kind: str, data: dict[str, object]) -> RecordedEvent:
    return RecordedEvent(
        position=1,
        stream_id=f"case-{UUID(int=100)}",
        revision=1,
        event_id=UUID(int=1),
        type=kind,
        schema_version=1,
        data=dict(data),
        metadata={},
        recorded_at=AT,
    )


def test_section_32_stk_3_the_decision_letter_states_purpose_and_expected_duration() -> None:
    # Given a proposed decision with its purpose and expected duration
    state = case.given(opened, started, concluded).when(propose()).then(proposed)
    assert isinstance(state, CaseState)
    decision = state.decisions[0]
    mother = Party(Recipient.MOTHER, state.parents[0])
    # When the letter to the mother is written
    letter = decision_letter(state, decision, mother, AT.date(), "Eksempel Kommune")
    # Then it states both, in Danish
    section = next(s for s in letter.sections if s.heading == "Formål og varighed")
    assert section.paragraphs == (
        f"Formålet med indsatsen er: {proposed.purpose}",
        "Indsatsen forventes at vare 6 måneder.",
    )
    # And a decision stored before § 32 was recorded gets no such section
    old = replace(decision, purpose=None, expected_duration_months=None)
    headings = [s.heading for s in decision_letter(state, old, mother, AT.date(), "K").sections]
    assert "Formål og varighed" not in headings


def test_a_decision_stored_citing_serviceloven_after_2024_reads_as_barnets_lov() -> None:
    # Given a proposal stored in 2025 citing the repealed Act, and one from 2023
    cited = replace(proposed, legal_basis="Serviceloven § 52, stk. 3, nr. 2")
    before = replace(cited, at=AT.replace(year=2023))
    # When the case is read, then the 2025 decision cites barnets lov, the 2023 one as stored
    now = case.given(opened, started, concluded, cited).state
    then = case.given(opened, started, concluded, before).state
    assert isinstance(now, CaseState)
    assert isinstance(then, CaseState)
    assert now.decisions[0].legal_basis == "Barnets lov § 32, stk. 1, nr. 2"
    assert then.decisions[0].legal_basis == "Serviceloven § 52, stk. 3, nr. 2"
