"""Digital Post, locally: each message is a folder named by its id under ``root``, with the
header as ``message.json`` (after MeMo: sender, recipient, label, legal notification) and its
documents as files. Writing the same message again changes nothing (a message is delivered
once), and a message appears whole or not at all (written aside, then renamed).

The folder stands in for the recipients' inboxes: it holds what they would receive, CPR
numbers and letters in clear, so it is kept private to the service (mode 0700/0600).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from authority.app.outbound import PostAddress, PostDocument, PostMessage, PostReceipt

MESSAGE = "message.json"


class FolderDigitalPost:
    def __init__(self, root: Path) -> None:
        self.root = root

    async def send(self, message: PostMessage) -> PostReceipt:
        return await asyncio.to_thread(self._deliver, message)

    def _deliver(self, message: PostMessage) -> PostReceipt:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.root / str(message.message_id)
        if (target / MESSAGE).exists():
            header = json.loads((target / MESSAGE).read_text(encoding="utf-8"))
            return PostReceipt(message.message_id, datetime.fromisoformat(header["delivered_at"]))
        delivered = datetime.now(UTC)
        aside = self.root / f".{message.message_id}.partial"
        shutil.rmtree(aside, ignore_errors=True)
        aside.mkdir(mode=0o700)
        documents = [message.main_document, *message.additional_documents]
        for document in documents:
            for file in document.files:
                path = aside / Path(file.filename).name
                path.write_bytes(file.content)
                os.chmod(path, 0o600)
        header = aside / MESSAGE
        header.write_text(json.dumps(_header(message, delivered), ensure_ascii=False, indent=2))
        os.chmod(header, 0o600)
        aside.rename(target)
        return PostReceipt(message.message_id, delivered)


def _address(a: PostAddress) -> dict[str, str]:
    return {"idType": a.id_type.value, "id": a.id, "label": a.label}


def _document(d: PostDocument) -> dict[str, object]:
    files = [
        {"filename": f.filename, "mimeType": f.media_type, "language": f.language} for f in d.files
    ]
    return {"title": d.title, "files": files}


def _header(message: PostMessage, delivered: datetime) -> dict[str, object]:
    address, document = _address, _document
    return {
        "messageUUID": str(message.message_id),
        "label": message.label,
        "sender": address(message.sender),
        "recipient": address(message.recipient),
        "legalNotification": message.legal_notification,
        "mandatory": message.mandatory,
        "reply": message.reply_allowed,
        "reference": message.reference,
        "mainDocument": document(message.main_document),
        "additionalDocuments": [document(d) for d in message.additional_documents],
        "delivered_at": delivered.isoformat(),
    }
