"""The order inbox end to end: Kafka in, HTTP answer, Kafka out (real broker, PostgreSQL)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from samspil_contracts import OrderAccepted, OrderDeclined, Sealed, decode, topics

pytestmark = pytest.mark.integration

ANSWER = {
    "expected_start": "2025-04-07",
    "contact": {"name": "Coordinator One", "email": "coord@example.invalid"},
}


async def test_an_order_placed_shows_up_in_the_inbox_with_the_child_sealed(stack, tenant_a):
    # Given the authority places an order with the tenant
    order = await stack.placed(tenant_a)
    # When the tenant lists its inbox
    inbox = (await stack.get("/orders", tenant_a)).json()
    # Then the order is there, open, with its measure and deadline, and no child in clear
    row = next(o for o in inbox if o["order_id"] == str(order.order_id))
    assert row["status"] == "received"
    assert row["measure_code"] == order.measure.value
    assert row["answer_deadline_status"] == "pending"  # until the scheduler announces it
    detail = (await stack.get(f"/orders/{order.order_id}", tenant_a)).json()
    assert Sealed.model_validate(detail["child"])
    assert "010101" not in json.dumps(detail)


async def test_reveal_needs_a_reason_and_leaves_an_access_log_row(stack, tenant_a):
    order = await stack.placed(tenant_a)
    path = f"/orders/{order.order_id}"
    # When the child's data is revealed without a reason, then it is refused
    refused = await stack.http.post(f"{path}/reveal", json={}, headers=tenant_a.headers)
    assert refused.status_code == 422
    # When revealed with a reason (POSTed: a reason never goes in a URL)
    why = {"reason": "preparing the first meeting"}
    revealed = await stack.http.post(f"{path}/reveal", json=why, headers=tenant_a.headers)
    # Then the child's data is in clear, and the access is logged with who and why
    assert json.loads(revealed.json()["child"])["cpr"] == "010101-0000"
    log = (await stack.get(f"/access-log?order_id={order.order_id}", tenant_a)).json()
    assert [(e["reason"], e["user_id"]) for e in log] == [
        ("preparing the first meeting", f"api-key:{tenant_a.key_id}")
    ]


async def test_accepting_publishes_order_accepted_with_contact_and_start(stack, tenant_a):
    order = await stack.placed(tenant_a)
    # When the coordinator accepts
    response = await stack.http.post(
        f"/orders/{order.order_id}/accept", json=ANSWER, headers=tenant_a.headers
    )
    assert response.status_code == 200, response.text
    # Then an OrderAccepted for the order, its case and the tenant is on the answers topic
    envelope, accepted = await stack.kafka.event(
        topics.PROVIDER_ANSWERS, lambda e: getattr(e, "order_id", None) == order.order_id
    )
    assert isinstance(accepted, OrderAccepted)
    assert (accepted.case_id, accepted.provider_id) == (order.case_id, tenant_a.tenant_id)
    assert accepted.provider_contact.email == "coord@example.invalid"
    assert str(accepted.expected_start) == "2025-04-07"
    assert envelope.subject == str(order.order_id)
    # And the inbox shows it accepted; a second, different answer is a conflict
    detail = (await stack.get(f"/orders/{order.order_id}", tenant_a)).json()
    assert detail["status"] == "accepted"
    again = await stack.http.post(
        f"/orders/{order.order_id}/decline",
        json={"reason": "no_capacity"},
        headers=tenant_a.headers,
    )
    assert again.status_code == 409
    assert again.json()["type"].endswith("/order_already_answered")


async def test_the_same_acceptance_again_gets_the_first_answer_a_different_one_a_409(
    stack, tenant_a
):
    # Given an order accepted once
    order = await stack.placed(tenant_a)
    path = f"/orders/{order.order_id}/accept"
    first = await stack.http.post(path, json=ANSWER, headers=tenant_a.headers)
    assert first.status_code == 200, first.text

    # When the very same acceptance is sent again (a retry after a lost answer)
    repeated = await stack.http.post(path, json=ANSWER, headers=tenant_a.headers)
    # Then it gets the first answer, and the authority is told once
    assert (repeated.status_code, repeated.json()) == (200, first.json())

    def accepted_this(record: Any) -> bool:
        _, event = decode(tuple(record.headers or ()), record.value or b"")
        return isinstance(event, OrderAccepted) and event.order_id == order.order_id

    accepted = await stack.kafka.records(topics.PROVIDER_ANSWERS, accepted_this, seconds=3)
    assert len(accepted) == 1

    # When an acceptance with another start date is sent
    other = {**ANSWER, "expected_start": "2025-05-01"}
    refused = await stack.http.post(path, json=other, headers=tenant_a.headers)
    # Then it is a conflict, told in Danish and English, and the first answer stands
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith("/order_already_answered")
    assert set(refused.json()["texts"]) == {"da", "en"}
    assert (await stack.http.post(path, json=ANSWER, headers=tenant_a.headers)).json() == (
        first.json()
    )


async def test_the_same_decline_again_gets_the_first_answer_a_different_one_a_409(stack, tenant_a):
    # Given an order declined once
    order = await stack.placed(tenant_a)
    path = f"/orders/{order.order_id}/decline"
    body = {"reason": "other", "text": "Staff on leave"}
    first = await stack.http.post(path, json=body, headers=tenant_a.headers)
    assert first.status_code == 200, first.text

    # When the very same decline is sent again, then it gets the first answer, told once
    repeated = await stack.http.post(path, json=body, headers=tenant_a.headers)
    assert (repeated.status_code, repeated.json()) == (200, first.json())

    def declined_this(record: Any) -> bool:
        _, event = decode(tuple(record.headers or ()), record.value or b"")
        return isinstance(event, OrderDeclined) and event.order_id == order.order_id

    declined = await stack.kafka.records(topics.PROVIDER_ANSWERS, declined_this, seconds=3)
    assert len(declined) == 1

    # When a decline for another reason is sent, then it is a conflict
    refused = await stack.http.post(path, json={"reason": "no_capacity"}, headers=tenant_a.headers)
    assert refused.status_code == 409, refused.text
    assert refused.json()["type"].endswith("/order_already_answered")


async def test_a_retry_with_the_same_idempotency_key_gets_the_first_answer(stack, tenant_a):
    # Given an order declined once with an Idempotency-Key, as a provider's system does
    order = await stack.placed(tenant_a)
    path = f"/orders/{order.order_id}/decline"
    headers = {**tenant_a.headers, "Idempotency-Key": str(uuid.uuid4())}
    body = {"reason": "no_capacity"}
    first = await stack.http.post(path, json=body, headers=headers)
    assert first.status_code == 200, first.text

    # When the answer was lost and the system retries with the same key
    again = await stack.http.post(path, json=body, headers=headers)
    # Then it gets the first answer, replayed; the key with another body is refused
    assert (again.status_code, again.json()) == (200, first.json())
    assert again.headers["idempotent-replayed"] == "true"
    other = await stack.http.post(path, json={"reason": "competences"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["type"].endswith("/idempotency_key_reused")
    # And the key is documented on every POST of the OpenAPI document
    spec = (await stack.http.get("/openapi.json")).json()
    parameters = spec["paths"]["/orders/{order_id}/decline"]["post"]["parameters"]
    assert "Idempotency-Key" in {p["name"] for p in parameters}


async def test_a_stale_if_match_is_a_conflict_with_the_current_revision(stack, tenant_a):
    order = await stack.placed(tenant_a)
    headers = {**tenant_a.headers, "If-Match": '"7"'}
    response = await stack.http.post(
        f"/orders/{order.order_id}/accept", json=ANSWER, headers=headers
    )
    assert response.status_code == 409
    assert response.json()["current_revision"] == 1


async def test_declining_with_other_and_no_text_is_a_problem(stack, tenant_a):
    order = await stack.placed(tenant_a)
    response = await stack.http.post(
        f"/orders/{order.order_id}/decline", json={"reason": "other"}, headers=tenant_a.headers
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/text_required")


async def test_a_redelivered_order_has_no_second_effect(stack, tenant_a):
    # Given an order handled once, then answered
    order = stack.order(tenant_a)
    event_id = await stack.kafka.send(order)
    path = f"/orders/{order.order_id}"
    await stack.eventually(lambda: stack.get(path, tenant_a, ok=True))
    await stack.http.post(
        f"{path}/decline", json={"reason": "competences"}, headers=tenant_a.headers
    )
    # When the same record (same event id, even a newer revision) is delivered again
    await stack.kafka.send(order, event_id=event_id, revision=2)
    marker = await stack.placed(tenant_a)  # handled after the redelivery (same partition)
    # Then nothing changed: the same order, still declined, at the same revision
    detail = (await stack.get(path, tenant_a)).json()
    assert (detail["status"], detail["order_version"], detail["revision"]) == ("declined", 1, 2)
    assert marker.order_id != order.order_id


async def test_a_malformed_record_is_dead_lettered_and_the_consumer_goes_on(stack, tenant_a):
    # When a record that is not a Samspil event arrives on the orders topic
    marker = str(uuid.uuid4()).encode()
    await stack.kafka.send_raw(
        topics.AUTHORITY_ORDERS, b"not json " + marker, [("ce_specversion", b"1.0")]
    )
    # Then it lands on the dead-letter topic with a reason
    dead = await stack.kafka.records(
        topics.dlq(topics.AUTHORITY_ORDERS), lambda r: marker in (r.value or b"")
    )
    assert dead, "the malformed record was not dead-lettered"
    reason = dict(dead[0].headers)["x-dlq-reason"].decode()
    assert reason
    # And the next good order is still handled
    assert await stack.placed(tenant_a)


async def test_the_inbox_is_rebuilt_from_the_event_store_as_it_was(stack, tenant_a, settings):
    from provider.bootstrap import projection_runner  # noqa: PLC0415 - only this test needs it

    # Given an inbox with open and answered orders
    await stack.placed(tenant_a)
    before = (await stack.get("/orders", tenant_a)).json()
    # When the read model is rebuilt from the log (python -m provider rebuild orders)
    runner = projection_runner(settings)

    async def rebuilt_as_before() -> bool:
        # eventkit's gap-safe read_all hides events while an older transaction is open, and
        # rebuild then commits a partial model: retry until it replays all (reported upstream).
        applied = await runner.rebuild("orders")
        return applied > 0 and (await stack.get("/orders", tenant_a)).json() == before

    # Then it is the same as before
    try:
        assert await stack.eventually(rebuilt_as_before)
    finally:
        await runner.store.engine.dispose()
