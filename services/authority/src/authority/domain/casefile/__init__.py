"""The case file: journal notes (notatpligt), documents and letters of a case."""

from authority.domain.casefile.decide import decide, evolve
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
    DocumentKind,
    Letter,
    Note,
    NoteCategory,
    media_type_of,
)

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MEDIA_TYPES",
    "AddDocument",
    "CaseFileCommand",
    "CaseFileEvent",
    "CaseFileState",
    "Document",
    "DocumentAdded",
    "DocumentKind",
    "DocumentShared",
    "Letter",
    "LetterSent",
    "Note",
    "NoteCategory",
    "NoteWritten",
    "RecordLetterSent",
    "ShareDocument",
    "WriteNote",
    "decide",
    "evolve",
    "media_type_of",
]
