"""Commands and events of a case file."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.casefile.model import DocumentKind, NoteCategory


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteNote(Command):
    case_id: UUID  # the case the file belongs to (its key seals the text)
    note_id: UUID
    category: NoteCategory
    text: str
    happened_on: date | None = None
    corrects: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AddDocument(Command):
    """Keep a document on the case; the app scanned it (``clean``) and stored its bytes."""

    case_id: UUID  # the case the file belongs to (its key seals the text)

    document_id: UUID
    kind: DocumentKind
    filename: str
    media_type: str
    size: int
    sha256: str
    clean: bool
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareDocument(Command):
    """Share a document with the provider of a contract on this case."""

    document_id: UUID
    contract_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordLetterSent(Command):
    document_id: UUID
    decision_id: UUID
    recipient: str
    message_id: UUID
    sent_at: datetime


CaseFileCommand = WriteNote | AddDocument | ShareDocument | RecordLetterSent


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteWritten(Event):
    case_id: UUID  # the case the file belongs to (its key seals the text)
    note_id: UUID
    category: NoteCategory
    text: str
    happened_on: date | None = None
    corrects: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentAdded(Event):
    case_id: UUID  # the case the file belongs to (its key seals the text)
    document_id: UUID
    kind: DocumentKind
    filename: str
    media_type: str
    size: int
    sha256: str
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentShared(Event):
    document_id: UUID
    contract_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class LetterSent(Event):
    document_id: UUID
    decision_id: UUID
    recipient: str
    message_id: UUID
    sent_at: datetime


CaseFileEvent = NoteWritten | DocumentAdded | DocumentShared | LetterSent
