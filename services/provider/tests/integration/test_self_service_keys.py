"""A tenant's coordinator rotates its own API keys: issue, list, revoke, never locked out."""

from __future__ import annotations

import pytest

from .conftest import new_tenant

pytestmark = pytest.mark.integration


async def test_a_tenant_rotates_its_own_key_and_cannot_revoke_its_last(stack, client) -> None:
    # Given a new tenant with the key ops issued
    tenant = await new_tenant(client, "Self-service Familiehus")
    old = tenant.headers

    # When its coordinator issues a second key with the first
    issued = await stack.http.post("/api-keys", headers=old)
    assert issued.status_code == 201, issued.text
    new = {"X-Api-Key": issued.json()["api_key"]}
    new_id = issued.json()["key_id"]

    # Then both work, and the list shows both (never a key), who issued each, which is in use
    assert (await stack.http.get("/orders", headers=new)).status_code == 200
    listed = (await stack.http.get("/api-keys", headers=new)).json()
    assert [(k["key_id"], k["created_by"], k["active"], k["current"]) for k in listed] == [
        (str(tenant.key_id), "ops", True, False),
        (new_id, f"api-key:{tenant.key_id}", True, True),
    ]
    assert "spk_" not in str(listed)

    # When it revokes the old key with the new one, then the old one is refused from then on
    revoked = await stack.http.delete(f"/api-keys/{tenant.key_id}", headers=new)
    assert revoked.status_code == 204
    assert (await stack.http.get("/orders", headers=old)).status_code == 401
    after = {k["key_id"]: k for k in (await stack.http.get("/api-keys", headers=new)).json()}
    assert after[str(tenant.key_id)]["revoked_by"] == f"api-key:{new_id}"

    # And its last active key cannot be revoked: a 409 that says what to do, in two languages
    last = await stack.http.delete(f"/api-keys/{new_id}", headers=new)
    assert last.status_code == 409, last.text
    assert last.json()["type"].endswith("/last_api_key")
    assert set(last.json()["texts"]) == {"da", "en"}
    assert (await stack.http.get("/orders", headers=new)).status_code == 200


async def test_another_tenants_key_is_not_found(stack, client) -> None:
    a = await new_tenant(client, "Tenant A keys")
    b = await new_tenant(client, "Tenant B keys")
    await stack.http.post("/api-keys", headers=b.headers)
    # When A tries to revoke B's key, then it does not exist for A, and B's key still works
    refused = await stack.http.delete(f"/api-keys/{b.key_id}", headers=a.headers)
    assert refused.status_code == 404
    assert (await stack.http.get("/orders", headers=b.headers)).status_code == 200
    assert str(b.key_id) not in str((await stack.http.get("/api-keys", headers=a.headers)).json())
