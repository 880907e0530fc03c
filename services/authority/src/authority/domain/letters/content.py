"""A letter as text: what it says, in Danish, before anything lays it out on a page."""

from dataclasses import dataclass
from datetime import date

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def danish_date(day: date) -> str:
    """As a Danish letter dates itself: 4. december 2026."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LetterContent:
    sender: str  # the authority, as it signs
    recipient: str  # the addressee's name
    dated: str  # place and date line
    title: str
    sections: tuple[Section, ...]
    closing: tuple[str, ...]  # greeting and signature lines
    reference: str = ""  # the case's reference, for questions

    def text(self) -> str:
        """Everything the letter says, in reading order (for tests and accessibility)."""
        parts = [self.sender, self.recipient, self.dated, self.title]
        for section in self.sections:
            parts += [section.heading, *section.paragraphs]
        return "\n".join([*parts, *self.closing])
