"""Texts of the child's plan: whether it is made (barnets plan § 91, ungeplan § 108 from 16
years) and who made its goals with the municipality (§ 92)."""

PLAN_DA: dict[str, str] = {
    "field.plan_made": "Udarbejdes barnets plan? (§ 91; ungeplan § 108 fra 16 år)",
    "plan_made.yes": "Ja, planen udarbejdes senest 3 måneder efter afgørelsen",
    "plan_made.no": "Nej, der udarbejdes ikke en plan",
    "case.plan_choice": "Barnets plan",
    "plan_kind.barnets_plan": "Barnets plan udarbejdes (§ 91)",
    "plan_kind.ungeplan": "Ungeplan udarbejdes (§ 108)",
    "plan_kind.none": "Der udarbejdes ikke en plan",
    "case.plan_participants": "Målene er udarbejdet sammen med (§ 92)",
    "participant.child": "Barnet eller den unge",
    "participant.mother": "Mor",
    "participant.father": "Far",
    "participant.guardian": "Værge",
    "case.plan_participants_none": "Ikke registreret",
    "error.plan_choice_required": (
        "Angiv, om der udarbejdes barnets plan (barnets lov § 91, ungeplan § 108)."
    ),
    "error.plan_required": "En anbringelse kræver altid barnets plan (barnets lov § 91).",
    "error.plan_participants_missing": (
        "Angiv, hvem der har udarbejdet målene sammen med kommunen: barnet og "
        "forældremyndighedsindehaverne (barnets lov § 92)."
    ),
}

PLAN_EN: dict[str, str] = {
    "field.plan_made": "Is the child's plan made? (§ 91; youth plan § 108 from 16)",
    "plan_made.yes": "Yes, the plan is made no later than 3 months after the decision",
    "plan_made.no": "No, no plan is made",
    "case.plan_choice": "The child's plan",
    "plan_kind.barnets_plan": "The child's plan is made (barnets plan, § 91)",
    "plan_kind.ungeplan": "The youth plan is made (ungeplan, § 108)",
    "plan_kind.none": "No plan is made",
    "case.plan_participants": "Goals made together with (§ 92)",
    "participant.child": "The child or young person",
    "participant.mother": "Mother",
    "participant.father": "Father",
    "participant.guardian": "Guardian",
    "case.plan_participants_none": "Not recorded",
    "error.plan_choice_required": (
        "State whether the child's plan is made (barnets lov § 91, ungeplan § 108)."
    ),
    "error.plan_required": "A placement always has the child's plan (barnets lov § 91).",
    "error.plan_participants_missing": (
        "State who made the goals with the municipality: the child and the custody holders "
        "(barnets lov § 92)."
    ),
}
