"""The case file (sagens akt): journal notes, documents and the letters sent from the case.

Notes follow the duty to take notes (notatpligt, offentlighedslovens § 13): who, when, what
kind of contact, and what was learnt; a note is never edited, a later note corrects it.
Documents are PDFs and images, size-limited and scanned before they are kept. A document
stays at the authority unless a caseworker shares it with the provider of a contract.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024  # 10 MiB: a scanned letter or a few photos
MEDIA_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})


class NoteCategory(StrEnum):
    CONVERSATION_WITH_CHILD = "conversation_with_child"  # samtale med barnet
    CONVERSATION_WITH_PARENTS = "conversation_with_parents"  # samtale med forældre
    NETWORK_MEETING = "network_meeting"  # netværksmøde
    HOME_VISIT = "home_visit"  # hjemmebesøg
    PHONE_CALL = "phone_call"  # telefonsamtale
    MEETING = "meeting"  # møde med fagpersoner
    CORRESPONDENCE = "correspondence"  # skriftlig henvendelse
    OTHER = "other"  # andet


class DocumentKind(StrEnum):
    ATTACHMENT = "attachment"  # uploaded to the case
    DECISION_LETTER = "decision_letter"  # afgørelsesbrev, generated


@dataclass(frozen=True, slots=True)
class Note:
    note_id: UUID
    category: NoteCategory
    text: str
    author: str
    written_at: datetime
    happened_on: date | None = None
    corrects: UUID | None = None


@dataclass(frozen=True, slots=True)
class Document:
    document_id: UUID
    kind: DocumentKind
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime
    description: str | None = None
    shared_with: tuple[UUID, ...] = ()  # contracts whose provider got it


@dataclass(frozen=True, slots=True)
class Letter:
    """A letter sent from the case: to whom, about which decision, when it was delivered."""

    document_id: UUID
    decision_id: UUID
    recipient: str  # the party's role: child, mother, father, guardian
    message_id: UUID  # the Digital Post message
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class CaseFileState:
    notes: tuple[Note, ...] = ()
    documents: tuple[Document, ...] = ()
    letters: tuple[Letter, ...] = ()

    def document(self, document_id: UUID) -> Document | None:
        return next((d for d in self.documents if d.document_id == document_id), None)

    def letter_to(self, decision_id: UUID, recipient: str) -> Letter | None:
        return next(
            (x for x in self.letters if x.decision_id == decision_id and x.recipient == recipient),
            None,
        )


def media_type_of(head: bytes) -> str | None:
    """What the bytes are, by their signature (never by the name or the declared type)."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None
