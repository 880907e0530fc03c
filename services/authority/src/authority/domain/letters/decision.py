"""The decision letter (afgørelsesbrev): one to each party (barnets lov § 3), stating the
decision, its reasons and legal basis (forvaltningslovens §§ 22-24) and how to complain
(klagevejledning, forvaltningslovens § 25): 4 weeks, to the municipality, which reconsiders
and sends the complaint on to Ankestyrelsen (retssikkerhedslovens §§ 66-67)."""

from datetime import date

from authority.domain.case.parties import Party
from authority.domain.case.people import Recipient
from authority.domain.case.state import CaseState, Decision
from authority.domain.letters.content import LetterContent, Section, danish_date

# What each measure is, in the words of barnets lov § 32, stk. 1 (codes stay as stored).
MEASURES = {
    "sel_52_3_1": "dagtilbud, fritidshjem, klub eller uddannelsessted",
    "sel_52_3_2": "praktisk, pædagogisk eller anden støtte i hjemmet",
    "sel_52_3_3": "familiebehandling eller behandling af barnets problemer",
    "sel_52_3_4": "døgnophold for hele familien",
    "sel_52_3_5": "støtteophold (aflastning)",
    "sel_52_3_6": "fast kontaktperson",
    "sel_52_3_7": "anbringelse uden for hjemmet",  # § 46
    "sel_52_3_8": "praktiktilbud",
    "sel_52_3_9": "fast kontaktperson",
    "sel_52_3_10": "anden hjælp",
    "sel_76": "ungestøtte (efterværn)",
    "family_coordinator": "en familiekoordinator, der samler familiens hjælp",  # nr. 8
}
WHY_YOU = {
    Recipient.CHILD: "Du får dette brev, fordi du er fyldt 10 år og derfor selv er part i "
    "din sag (barnets lov § 3).",
    Recipient.MOTHER: "Du får dette brev, fordi du har forældremyndigheden over {child}.",
    Recipient.FATHER: "Du får dette brev, fordi du har forældremyndigheden over {child}.",
    Recipient.GUARDIAN: "Du får dette brev, fordi du er værge for {child}.",
}


def complaint_guidance(authority: str) -> Section:
    return Section(
        "Klagevejledning",
        (
            "Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at "
            "du har fået denne afgørelse (retssikkerhedslovens § 67).",
            # Danish typography: a spaced en dash sets off the aside.
            f"Du sender klagen til {authority} – ikke direkte til Ankestyrelsen. Du kan "  # noqa: RUF001
            "klage mundtligt eller skriftligt. Kommunen ser på afgørelsen igen, og fastholder "
            "kommunen den, sender kommunen din klage videre til Ankestyrelsen inden 4 uger "
            "(retssikkerhedslovens § 66).",
            "Du kan altid bede om at se sagens akter (aktindsigt).",
        ),
    )


def purpose_and_duration(decision: Decision) -> tuple[Section, ...]:
    """Barnets lov § 32, stk. 3: the decision states the purpose and the expected duration
    (absent on decisions proposed before they were recorded)."""
    if decision.purpose is None or decision.expected_duration_months is None:
        return ()
    months = decision.expected_duration_months
    return (
        Section(
            "Formål og varighed",
            (
                f"Formålet med indsatsen er: {decision.purpose}",
                f"Indsatsen forventes at vare {months} {'måned' if months == 1 else 'måneder'}.",
            ),
        ),
    )


def decision_letter(
    case: CaseState, decision: Decision, party: Party, on: date, authority: str
) -> LetterContent:
    child = case.child.name
    measure = MEASURES.get(decision.measure.value, decision.legal_basis)
    about = "dig" if party.recipient is Recipient.CHILD else child
    return LetterContent(
        sender=authority,
        recipient=party.person.name,
        dated=f"Dato: {danish_date(on)}",
        title=f"Afgørelse om {measure}",
        sections=(
            Section("", (WHY_YOU[party.recipient].format(child=child),)),
            Section(
                "Afgørelse",
                (f"{authority} har den {danish_date(on)} besluttet at give {about} »{measure}«.",),
            ),
            Section(
                "Begrundelse",
                (
                    decision.assessment,
                    "Afgørelsen bygger på en konkret og individuel vurdering af "
                    f"{'din' if party.recipient is Recipient.CHILD else 'barnets'} situation.",
                ),
            ),
            *purpose_and_duration(decision),
            Section("Lovgrundlag", (f"Afgørelsen er truffet efter {decision.legal_basis}.",)),
            complaint_guidance(authority),
            Section(
                "Spørgsmål",
                (f"Har du spørgsmål, er du velkommen til at kontakte {case.contact_person}.",),
            ),
        ),
        closing=("Med venlig hilsen", case.contact_person, authority),
        reference=f"Sag {case.case_id}",
    )
