"""Ports for what leaves or is kept beside the event store: documents' bytes, the virus
scan, the letters' layout and Digital Post (adapters implement them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from authority.domain.letters import LetterContent


class BlobStore(Protocol):
    """Documents' bytes, already sealed with the child's key: the store never sees them in
    clear, and erasing the key erases them."""

    async def put(self, conn: AsyncConnection, blob_id: UUID, kid: str, sealed: bytes) -> None: ...

    async def get(self, blob_id: UUID) -> tuple[str, bytes] | None: ...


@dataclass(frozen=True, slots=True)
class ScanResult:
    clean: bool
    finding: str | None = None  # the signature found, for the log


class VirusScanner(Protocol):
    async def scan(self, data: bytes) -> ScanResult: ...


class LetterRenderer(Protocol):
    def pdf(self, letter: LetterContent) -> bytes: ...


class IdType(StrEnum):
    CPR = "CPR"  # a citizen
    CVR = "CVR"  # an organisation


@dataclass(frozen=True, slots=True, repr=False)
class PostAddress:
    """Whom a message is for (or from): by CPR or CVR number, with the name it shows."""

    id_type: IdType
    id: str
    label: str

    def __repr__(self) -> str:  # a CPR number and a name are personal data
        return f"PostAddress({self.id_type.value}, '<redacted>')"


@dataclass(frozen=True, slots=True)
class PostFile:
    filename: str
    media_type: str
    content: bytes = field(repr=False)
    language: str = "da"


@dataclass(frozen=True, slots=True)
class PostDocument:
    title: str
    files: tuple[PostFile, ...]


@dataclass(frozen=True, slots=True)
class PostMessage:
    """After Digital Post's message model (MeMo): a header (id, label, sender, recipient,
    whether it has legal effect) and a body of a main document and additional ones."""

    message_id: UUID  # the same message is delivered once, whoever sends it again
    sender: PostAddress
    recipient: PostAddress
    label: str  # the title the recipient sees in the inbox
    main_document: PostDocument
    additional_documents: tuple[PostDocument, ...] = ()
    legal_notification: bool = False  # retsvirkning: a decision counts as notified on delivery
    mandatory: bool = True  # obligatorisk: delivered even to those exempt from Digital Post
    reply_allowed: bool = True
    reference: str = ""  # the sender's reference (the case)


@dataclass(frozen=True, slots=True)
class PostReceipt:
    message_id: UUID
    delivered_at: datetime


class DigitalPost(Protocol):
    async def send(self, message: PostMessage) -> PostReceipt: ...
