"""The decision on a støttende indsats follows barnets lov § 32.

* stk. 2: it is taken with the consent of every custody holder (without consent the
  measures of §§ 37-39 apply, which this system does not decide; placement under § 46 needs
  the consent too);
* stk. 3: it states the measure's purpose and its expected duration;
* stk. 4: it rests on a concluded afdækning (§ 19) or børnefaglig undersøgelse (§ 20), or is
  started in parallel with one, and then the file says why it could not wait.

Placement (§ 46) and ungestøtte (§ 114) keep the stricter rule: a concluded child
investigation. Purpose and expected duration are stated for every measure.
"""

from dataclasses import dataclass
from datetime import timedelta

from authority.domain.case.commands import ProposeDecision
from authority.domain.case.state import CaseState
from authority.domain.case.terms import Consent, DecisionBasis, InvestigationKind
from authority.domain.errors import require, require_text
from authority.domain.vocabulary import SECTION_32, MeasureCode

MAX_DURATION_MONTHS = 120  # an expected duration beyond 10 years is a typing error


@dataclass(frozen=True, slots=True)
class Terms:
    """What the proposed decision states, checked."""

    purpose: str
    expected_duration_months: int
    consent: Consent | None
    basis: DecisionBasis
    parallel_justification: str | None


def terms(command: ProposeDecision, state: CaseState) -> Terms:
    # First what the decision rests on: with neither afdækning nor undersøgelse, nothing else
    # about the proposal matters yet.
    if command.measure in SECTION_32:
        _require_started_investigation(state)
    else:
        _require_concluded_investigation(state)
    purpose = require_text(command.purpose, "purpose")
    months = command.expected_duration_months
    require(
        months is not None and 1 <= months <= MAX_DURATION_MONTHS,
        "expected_duration_required",
        f"§ 32, stk. 3: state the expected duration (1-{MAX_DURATION_MONTHS} months)",
    )
    assert months is not None  # narrowed by the guard above
    if command.measure is not MeasureCode.AFTER_CARE:  # a young adult consents for themself
        _require_consent(command, state)
    basis = _basis(command, state)
    justification = command.parallel_justification if basis is DecisionBasis.PARALLEL else None
    return Terms(purpose, months, command.consent, basis, justification)


def _require_consent(command: ProposeDecision, state: CaseState) -> None:
    holders = state.custody.required_recipients(child_is_party=False)
    consent = command.consent
    missing = holders - consent.given_by if consent is not None else holders
    require(
        not missing,
        "custody_consent_missing",
        "§ 32, stk. 2: every custody holder must consent; missing: " + ", ".join(sorted(missing)),
    )
    assert consent is not None  # narrowed: no holder is missing
    # The consent's date is a Danish day; ``at`` is UTC, so it may be a day behind.
    require(
        consent.given_on <= command.at.date() + timedelta(days=1),
        "consent_in_future",
        "the consent cannot be dated after the decision",
    )


def _require_started_investigation(state: CaseState) -> None:
    require(
        state.investigation is not None,
        "investigation_not_concluded",
        "§ 32, stk. 4: the decision rests on a concluded afdækning or børnefaglig "
        "undersøgelse, or starts in parallel with one: start one first",
    )


def _basis(command: ProposeDecision, state: CaseState) -> DecisionBasis:
    if state.investigation_concluded:
        return DecisionBasis.CONCLUDED
    require_text(command.parallel_justification, "parallel_justification")
    return DecisionBasis.PARALLEL


def _require_concluded_investigation(state: CaseState) -> None:
    investigation = state.investigation
    require(
        investigation is not None
        and investigation.concluded
        and investigation.kind is InvestigationKind.CHILD_INVESTIGATION,
        "investigation_not_concluded",
        "this measure needs a concluded child investigation (børnefaglig undersøgelse, § 20)",
    )
