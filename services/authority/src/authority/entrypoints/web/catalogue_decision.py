"""Texts of a decision under barnets lov § 32: purpose and expected duration (stk. 3), the
custody holders' consent (stk. 2), what it rests on (stk. 4), and the afdækning (§ 19)."""

DECISION_DA: dict[str, str] = {
    "field.investigation_kind": "Type",
    "investigation_kind.child_investigation": "Børnefaglig undersøgelse (§ 20)",
    "investigation_kind.assessment": "Afdækning (§ 19)",
    "field.purpose": "Formål (§ 32, stk. 3)",
    "field.expected_duration_months": "Forventet varighed i måneder (§ 32, stk. 3)",
    "case.consent": "Samtykke fra forældremyndighedsindehaver (§ 32, stk. 2)",
    "field.consent_on": "Samtykke givet den",
    "case.basis": "Grundlag (§ 32, stk. 4)",
    "basis.concluded": "Afsluttet afdækning eller børnefaglig undersøgelse",
    "basis.parallel": "Iværksat sideløbende med undersøgelsen",
    "case.parallel_hint": (
        "Undersøgelsen er ikke afsluttet. En støttende indsats kan iværksættes sideløbende "
        "med den (§ 32, stk. 4), men du skal begrunde det."
    ),
    "field.parallel_justification": "Begrundelse for at iværksætte indsatsen nu",
    "error.purpose_required": "Angiv formålet med indsatsen (barnets lov § 32, stk. 3).",
    "error.expected_duration_required": (
        "Angiv den forventede varighed, 1-120 måneder (barnets lov § 32, stk. 3)."
    ),
    "error.custody_consent_missing": (
        "Alle forældremyndighedsindehavere skal give samtykke (barnets lov § 32, stk. 2). "
        "Uden samtykke gælder §§ 37-39."
    ),
    "error.consent_in_future": "Samtykket kan ikke være givet efter afgørelsen.",
    "error.parallel_justification_required": (
        "Undersøgelsen er ikke afsluttet: begrund, hvorfor indsatsen iværksættes sideløbende "
        "(barnets lov § 32, stk. 4)."
    ),
}

DECISION_EN: dict[str, str] = {
    "field.investigation_kind": "Kind",
    "investigation_kind.child_investigation": "Child investigation (§ 20)",
    "investigation_kind.assessment": "Assessment, afdækning (§ 19)",
    "field.purpose": "Purpose (§ 32(3))",
    "field.expected_duration_months": "Expected duration in months (§ 32(3))",
    "case.consent": "Consent of the custody holder (§ 32(2))",
    "field.consent_on": "Consent given on",
    "case.basis": "Basis (§ 32(4))",
    "basis.concluded": "Concluded assessment or child investigation",
    "basis.parallel": "Started in parallel with the investigation",
    "case.parallel_hint": (
        "The investigation is not concluded. A supporting measure may start in parallel with "
        "it (§ 32(4)), but you must say why."
    ),
    "field.parallel_justification": "Why the measure starts now",
    "error.purpose_required": "State the purpose of the measure (barnets lov § 32(3)).",
    "error.expected_duration_required": (
        "State the expected duration, 1-120 months (barnets lov § 32(3))."
    ),
    "error.custody_consent_missing": (
        "Every custody holder must consent (barnets lov § 32(2)). Without consent, §§ 37-39 apply."
    ),
    "error.consent_in_future": "The consent cannot be given after the decision.",
    "error.parallel_justification_required": (
        "The investigation is not concluded: say why the measure starts in parallel "
        "(barnets lov § 32(4))."
    ),
}
