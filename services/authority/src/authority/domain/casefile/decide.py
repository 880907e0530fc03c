"""Decide and evolve for the case file: notes, documents, letters."""

from dataclasses import replace

from authority.domain.audit import CASEWORK, Role, require_role, stamp
from authority.domain.casefile.messages import (
    AddDocument,
    CaseFileCommand,
    CaseFileEvent,
    DocumentAdded,
    DocumentShared,
    LetterSent,
    NoteWritten,
    RecordLetterSent,
    ShareDocument,
    WriteNote,
)
from authority.domain.casefile.model import (
    MAX_DOCUMENT_BYTES,
    MEDIA_TYPES,
    CaseFileState,
    Document,
    Letter,
    Note,
)
from authority.domain.errors import DomainError, require, require_text

FILENAME_MAX = 200


def decide(command: CaseFileCommand, state: CaseFileState | None) -> list[CaseFileEvent]:
    require_role(command, CASEWORK | {Role.SYSTEM})
    current = state or CaseFileState()
    match command:
        case WriteNote():
            return [_note(command, current)]
        case AddDocument():
            return [_document(command, current)]
        case ShareDocument():
            return [_share(command, current)]
        case RecordLetterSent():
            require(
                current.document(command.document_id) is not None,
                "document_not_found",
                "no such document on the case",
            )
            if current.letter_to(command.decision_id, command.recipient) is not None:
                return []  # recorded already: the same letter is sent once
            return [
                LetterSent(
                    **stamp(command),
                    document_id=command.document_id,
                    decision_id=command.decision_id,
                    recipient=command.recipient,
                    message_id=command.message_id,
                    sent_at=command.sent_at,
                )
            ]


def _note(command: WriteNote, state: CaseFileState) -> NoteWritten:
    require_role(command, CASEWORK)
    text = require_text(command.text, "text")
    require(all(n.note_id != command.note_id for n in state.notes), "note_exists", "note exists")
    if command.corrects is not None:
        require(
            any(n.note_id == command.corrects for n in state.notes),
            "note_not_found",
            "a correction refers to an earlier note of the case",
        )
    if command.happened_on is not None:
        require(
            command.happened_on <= command.at.date(),
            "happened_in_future",
            "a note records what has happened",
        )
    return NoteWritten(
        **stamp(command),
        case_id=command.case_id,
        note_id=command.note_id,
        category=command.category,
        text=text,
        happened_on=command.happened_on,
        corrects=command.corrects,
    )


def _document(command: AddDocument, state: CaseFileState) -> DocumentAdded:
    require(state.document(command.document_id) is None, "document_exists", "document exists")
    filename = require_text(command.filename, "filename")
    require(len(filename) <= FILENAME_MAX, "filename_too_long", "the file name is too long")
    require(
        command.media_type in MEDIA_TYPES,
        "unsupported_media_type",
        "a document is a PDF, PNG or JPEG file",
    )
    require(0 < command.size <= MAX_DOCUMENT_BYTES, "document_too_large", "at most 10 MiB")
    require(command.clean, "document_infected", "the virus scan refused the document")
    return DocumentAdded(
        **stamp(command),
        case_id=command.case_id,
        document_id=command.document_id,
        kind=command.kind,
        filename=filename,
        media_type=command.media_type,
        size=command.size,
        sha256=command.sha256,
        description=command.description,
    )


def _share(command: ShareDocument, state: CaseFileState) -> DocumentShared:
    require_role(command, CASEWORK)
    document = state.document(command.document_id)
    if document is None:
        raise DomainError("document_not_found", "no such document on the case")
    require(
        command.contract_id not in document.shared_with,
        "document_already_shared",
        "the document is already shared with this contract's provider",
    )
    return DocumentShared(
        **stamp(command), document_id=command.document_id, contract_id=command.contract_id
    )


def evolve(state: CaseFileState | None, event: CaseFileEvent) -> CaseFileState:
    current = state or CaseFileState()
    by = event.actor.user_id
    match event:
        case NoteWritten():
            note = Note(
                event.note_id,
                event.category,
                event.text,
                by,
                event.at,
                event.happened_on,
                event.corrects,
            )
            return replace(current, notes=(*current.notes, note))
        case DocumentAdded():
            document = Document(
                event.document_id,
                event.kind,
                event.filename,
                event.media_type,
                event.size,
                event.sha256,
                by,
                event.at,
                event.description,
            )
            return replace(current, documents=(*current.documents, document))
        case DocumentShared(document_id=document_id, contract_id=contract_id):
            documents = tuple(
                replace(d, shared_with=(*d.shared_with, contract_id))
                if d.document_id == document_id
                else d
                for d in current.documents
            )
            return replace(current, documents=documents)
        case LetterSent():
            letter = Letter(
                event.document_id,
                event.decision_id,
                event.recipient,
                event.message_id,
                event.sent_at,
            )
            return replace(current, letters=(*current.letters, letter))
