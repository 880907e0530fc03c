"""Decision letters to each party (barnets lov § 3) through Digital Post, and the case file:
journal notes (notatpligt) and documents, sealed with the child's key, in the as-of view."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import Stack
from .flows import decided_case

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def test_paragraph_3_each_party_gets_the_decision_letter_through_digital_post(
    stack: Stack,
) -> None:
    # Given a decision approved on the case of an 11-year-old whose mother holds custody
    case_id, decision_id, cw = await decided_case(stack)
    # Then the approval sent a letter to the child and one to the mother, and no more
    case = (await stack.client.get(f"/cases/{case_id}", headers=cw)).json()
    letters = {x["recipient"]: x for x in case["letters"] if x["decision_id"] == decision_id}
    assert set(letters) == {"child", "mother"}
    [decision] = case["decisions"]
    assert set(decision["communicated_to"]) == {"child", "mother"}
    # And each is a PDF on the case file, delivered as a Digital Post message with legal effect
    for recipient, letter in letters.items():
        got = await stack.client.get(
            f"/cases/{case_id}/documents/{letter['document_id']}", headers=cw
        )
        assert got.status_code == 200
        assert got.headers["content-type"] == "application/pdf"
        text = _pdf_text(got.content)
        assert "Afgørelse om praktisk, pædagogisk eller anden støtte i hjemmet" in text
        assert "Klagevejledning" in text
        assert "4 uger" in text
        assert "Ankestyrelsen" in text
        assert "Support in the home helps" in text  # the reasons
        assert "»" in text
        assert str(datetime.now(UTC).year) in text
        folder = stack.digital_post / str(letter["message_id"])
        header = json.loads((folder / "message.json").read_text(encoding="utf-8"))
        assert header["legalNotification"] is True
        assert header["recipient"]["idType"] == "CPR"
        assert header["sender"]["idType"] == "CVR"
        [pdf] = [p for p in folder.iterdir() if p.suffix == ".pdf"]
        assert pdf.read_bytes() == got.content
        if recipient == "child":
            assert "fyldt 10 år" in text
    # And sending again sends nothing twice
    again = await stack.client.post(f"/cases/{case_id}/decisions/{decision_id}/letters", headers=cw)
    assert again.status_code == 200
    assert {x["message_id"] for x in again.json()} == {x["message_id"] for x in letters.values()}
    access = (await stack.client.get("/access-log", params={"case_id": case_id}, headers=cw)).json()
    assert "document" in {r["what"] for r in access}


async def test_notes_and_documents_are_kept_sealed_and_shown_as_they_stood(stack: Stack) -> None:
    case_id, _, cw = await decided_case(stack)
    before = datetime.now(UTC)
    # When the caseworker writes a note of a conversation with the child, and attaches a PDF
    note = await stack.client.post(
        f"/cases/{case_id}/notes",
        json={"category": "conversation_with_child", "text": "Alma fortalte om skolen"},
        headers=cw,
    )
    assert note.status_code == 201, note.text
    correction = await stack.client.post(
        f"/cases/{case_id}/notes",
        json={
            "category": "other",
            "text": "Rettelse: det var i SFO",
            "corrects": note.json()["note_id"],
        },
        headers=cw,
    )
    assert correction.status_code == 201, correction.text
    uploaded = await stack.client.post(
        f"/cases/{case_id}/documents",
        files={"file": ("skoleudtalelse.pdf", PDF, "application/pdf")},
        data={"description": "Skolens udtalelse"},
        headers=cw,
    )
    assert uploaded.status_code == 201, uploaded.text
    document_id = uploaded.json()["document_id"]
    # Then the case file shows them with author and time, and the document opens as sent
    case = (await stack.client.get(f"/cases/{case_id}", headers=cw)).json()
    texts = [(n["category"], n["text"], n["author"]) for n in case["notes"]]
    assert texts == [
        ("other", "Rettelse: det var i SFO", "cw-1"),
        ("conversation_with_child", "Alma fortalte om skolen", "cw-1"),
    ]
    [document] = [d for d in case["documents"] if d["document_id"] == document_id]
    assert document["filename"] == "skoleudtalelse.pdf"
    got = await stack.client.get(f"/cases/{case_id}/documents/{document_id}", headers=cw)
    assert got.content == PDF
    # And the case as it stood before shows none of them
    past = (
        await stack.client.get(
            f"/cases/{case_id}", params={"as_of": before.isoformat()}, headers=cw
        )
    ).json()
    assert past["notes"] == []
    assert [d for d in past["documents"] if d["kind"] == "attachment"] == []
    # And nothing of them is stored in clear
    engine = create_async_engine(stack.db_url)
    try:
        async with engine.connect() as conn:
            events = " ".join(
                await conn.scalars(
                    sa.text("SELECT data::text FROM events WHERE stream_id = :s"),
                    {"s": f"casefile-{case_id}"},
                )
            )
            blobs: list[Any] = list(
                await conn.scalars(sa.text("SELECT sealed FROM document_blobs"))
            )
    finally:
        await engine.dispose()
    for secret in ("Alma fortalte", "skoleudtalelse", "Skolens udtalelse"):
        assert secret not in events
    assert all(PDF not in bytes(b) for b in blobs)


async def test_a_document_is_refused_when_infected_not_a_pdf_or_image_or_too_large(
    stack: Stack,
) -> None:
    case_id, _, cw = await decided_case(stack)

    async def upload(name: str, data: bytes) -> Any:
        files = {"file": (name, data, "application/pdf")}
        return await stack.client.post(f"/cases/{case_id}/documents", files=files, headers=cw)

    infected = await upload("virus.pdf", PDF + EICAR)
    assert infected.status_code == 422
    assert infected.json()["type"].endswith("/document_infected")
    disguised = await upload("notes.pdf", b"MZ\x90\x00 an executable")
    assert disguised.json()["type"].endswith("/unsupported_media_type")
    huge = await upload("big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    assert huge.json()["type"].endswith("/document_too_large")
    note = await stack.client.post(
        f"/cases/{case_id}/notes", json={"category": "phone_call", "text": " "}, headers=cw
    )
    assert note.status_code == 422
