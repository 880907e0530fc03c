"""A case file's document leaves the authority only when a caseworker shares it with the
provider of a contract on the case; it travels sealed with the child's key and the provider
reads it with the key granted for the child."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack
from tests.e2e.flows import decided_case, new_tenant, ok, place_order, provider_sees_order
from tests.harness import wait_for

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n% skolens udtalelse om Emil\n%%EOF\n"
PRIVATE = b"%PDF-1.4\n% psykologens notat: kun til myndigheden\n%%EOF\n"


def test_only_a_shared_document_reaches_the_provider_sealed_with_the_childs_key(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Vest")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        start = str(date.today() + timedelta(days=14))
        ok(
            tenant.client.post(
                f"/orders/{order_id}/accept",
                json={"expected_start": start, "contact": life.PROVIDER_CONTACT},
            )
        )
        wait_for(
            lambda: ok(cw.get(f"/orders/{order_id}"))["status"] == "accepted",
            what="the order accepted at the authority",
        )
        contract_id = life.individual_contract(cw, order_id)
        life.countersign(tenant, contract_id, 1)

        def upload(name: str, data: bytes) -> str:
            files = {"file": (name, data, "application/pdf")}
            created = ok(cw.post(f"/cases/{case.case_id}/documents", files=files), 201)
            return str(created["document_id"])

        shared, private = upload("skoleudtalelse.pdf", PDF), upload("psykolog.pdf", PRIVATE)
        ok(
            cw.post(
                f"/cases/{case.case_id}/documents/{shared}/share",
                json={"contract_id": contract_id},
            )
        )
        again = cw.post(
            f"/cases/{case.case_id}/documents/{shared}/share", json={"contract_id": contract_id}
        )
        assert again.status_code == 422
        assert again.json()["type"].endswith("/document_already_shared")

    listed = wait_for(
        lambda: ok(tenant.client.get(f"/contracts/{contract_id}/documents")) or None,
        what="the shared document at the provider",
    )
    assert [(d["document_id"], d["filename"]) for d in listed] == [(shared, "skoleudtalelse.pdf")]
    got = tenant.client.get(f"/contracts/{contract_id}/documents/{shared}")
    assert got.status_code == 200
    assert got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert tenant.client.get(f"/contracts/{contract_id}/documents/{private}").status_code == 404
