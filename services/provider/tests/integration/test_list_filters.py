"""Issue 23: a list filtered by a status that does not exist is refused (422), never an
empty list a client would take for "none"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


async def test_an_unknown_status_filter_is_a_422_not_an_empty_list(stack, tenant_a):
    # Given an order in the inbox
    order = await stack.placed(tenant_a)
    for path in ("/orders", "/claims"):
        # When a list is filtered by a status that does not exist
        response = await stack.get(f"{path}?status=bogus", tenant_a)
        # Then it is refused as problem+json naming the parameter
        assert response.status_code == 422, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"].endswith("/invalid_request")
        assert response.json()["errors"][0]["loc"] == ["query", "status"]
    # And a status that exists still filters
    received = (await stack.get("/orders?status=received", tenant_a)).json()
    assert str(order.order_id) in {o["order_id"] for o in received}
    assert (await stack.get("/claims?status=approved", tenant_a)).json() == []
