"""Concerns (underretning) and use-of-force reports: listed by urgency, acknowledged."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import running_measure, sealed_for


async def test_concerns_are_listed_by_urgency_and_acknowledged(stack: Stack) -> None:
    m = await running_measure(stack)
    ids = {
        "contract_id": m.contract_id,
        "order_id": m.order_id,
        "case_id": UUID(m.case_id),
        "provider_id": m.provider,
    }
    concern_id, incident_id = uuid4(), uuid4()
    await stack.produce(
        wire.ConcernNotified(
            **ids,
            concern_id=concern_id,
            noticed_at=datetime.now(UTC),
            severity=wire.ConcernSeverity.URGENT,
            details=sealed_for(m.provider, "Bruises on the arm", concern_id),
        )
    )
    await stack.produce(
        wire.ForceIncidentReported(
            **ids,
            incident_id=incident_id,
            happened_at=datetime.now(UTC),
            kind=wire.ForceKind.HOLDING_BACK,
            details=sealed_for(m.provider, "Held back from the road", incident_id),
        )
    )

    async def both() -> list[dict[str, Any]]:
        got = await stack.client.get("/concerns", params={"case_id": m.case_id}, headers=m.cw)
        rows: list[dict[str, Any]] = got.json()
        return rows if len(rows) == 2 else []

    rows = {r["concern_id"]: r for r in await eventually(both)}
    assert rows[str(concern_id)]["urgency"] == "acute"
    assert rows[str(concern_id)]["kind"] == "notification_of_concern"
    assert rows[str(incident_id)]["urgency"] == "high"
    assert rows[str(incident_id)]["kind"] == "use_of_force"

    ack = await stack.client.post(f"/concerns/{concern_id}/acknowledge", headers=m.cw)
    assert ack.status_code == 200, ack.text
    again = await stack.client.post(f"/concerns/{concern_id}/acknowledge", headers=m.cw)
    assert again.status_code == 422

    records = await stack.records(
        wire.topics.AUTHORITY_CASES,
        lambda r: any(isinstance(e, wire.ConcernAcknowledged) for _, _, e in r),
    )
    [event] = [e for _, _, e in records if isinstance(e, wire.ConcernAcknowledged)]
    assert event.concern_id == concern_id
    assert event.acknowledged_on == date.today()
    listed = await stack.client.get("/concerns", params={"case_id": m.case_id}, headers=m.cw)
    acknowledged = {r["concern_id"]: r["acknowledged_by"] for r in listed.json()}
    assert acknowledged == {str(concern_id): "cw-1", str(incident_id): None}
