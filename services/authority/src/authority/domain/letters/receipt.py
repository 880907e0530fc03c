"""The receipt to a professional reporter (barnets lov § 136): the notification of concern
was received and will be assessed. It tells nothing about the child's case."""

from datetime import datetime

from authority.domain.letters.content import LetterContent, Section, danish_date
from authority.domain.notification import NotificationState


def receipt_letter(state: NotificationState, on: datetime, authority: str) -> LetterContent:
    reporter = state.reporter
    received = state.received_at
    return LetterContent(
        sender=authority,
        recipient=reporter.organisation or reporter.name or "",
        dated=f"Dato: {danish_date(on.date())}",
        title="Kvittering for modtagelse af underretning",
        sections=(
            Section(
                "",
                (
                    f"{authority} bekræfter at have modtaget jeres underretning den "
                    f"{danish_date(received.date())} (barnets lov § 136).",
                    "Kommunen har vurderet, om barnets sundhed eller udvikling er i fare, og "
                    "om der er behov for akutte indsatser (barnets lov § 135).",
                    "Af hensyn til familien kan vi ikke oplyse mere om sagen her. Har I "
                    "spørgsmål, er I velkomne til at kontakte os.",
                ),
            ),
        ),
        closing=("Med venlig hilsen", authority),
        reference=f"Underretning {state.notification_id}",
    )
