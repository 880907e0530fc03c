"""From the order to an individual contract both parties signed: the caseworker orders and
drafts at the authority, the provider answers and countersigns through its own API; each
side waits until the other's step has arrived over Kafka."""

from __future__ import annotations

from datetime import date
from typing import Any

from demodata.api import Api, Tenant, wait
from demodata.intake import Case
from demodata.providers import CONTACT, countersign, provider_contact


def order(api: Api, case: Case, tenant: Tenant, start: date) -> str:
    body = {
        "case_id": case.case_id,
        "decision_id": case.decision_id,
        "provider_id": tenant.tenant_id,
        "scope": {"hours": 6, "per": "week"},
        "frequency": {"times": 2, "per": "week"},
        "start": str(start),
        "expected_duration_months": 18,
    }
    return str(api.cw("POST", "/orders", json=body)["order_id"])


def in_inbox(api: Api, tenant: Tenant, order_id: str) -> None:
    wait(
        lambda: api.provider_get(tenant, f"/orders/{order_id}").status_code == 200,
        f"the order at {tenant.name}",
    )


def accept(api: Api, tenant: Tenant, order_id: str, start: date) -> None:
    in_inbox(api, tenant, order_id)
    body = {"expected_start": str(start), "contact": provider_contact(tenant)}
    api.provider(tenant, "POST", f"/orders/{order_id}/accept", json=body)
    wait(
        lambda: api.cw("GET", f"/orders/{order_id}")["status"] == "accepted",
        "the acceptance at the authority",
    )


def decline(api: Api, tenant: Tenant, order_id: str) -> None:
    in_inbox(api, tenant, order_id)
    body = {"reason": "no_capacity"}
    api.provider(tenant, "POST", f"/orders/{order_id}/decline", json=body)


def drafted(api: Api, tenant: Tenant, order_id: str, start: date) -> str:
    """The contract drafted and signed by the caseworker: waiting for the provider."""
    terms = {
        "price_per_unit_oere": tenant.price,
        "unit": "hour",
        "authority_contact": CONTACT,
        "provider_contact": provider_contact(tenant),
        "duration_months": 18,
        "start": str(start),
    }
    made = api.cw("POST", "/contracts", json={"order_id": order_id, "terms": terms})
    contract_id = str(made["contract_id"])
    api.cw("POST", f"/contracts/{contract_id}/sign")
    return contract_id


def in_force(api: Api, contract_id: str, version: int) -> dict[str, Any]:
    found: dict[str, Any] = wait(
        lambda: (
            (c := api.cw("GET", f"/contracts/{contract_id}"))["in_force_version"] == version and c
        ),
        f"contract v{version} in force at the authority",
    )
    return found


def signed_by_both(api: Api, case: Case, tenant: Tenant, start: date) -> str:
    """Ordered, accepted, drafted and signed by both: in force from ``start``."""
    order_id = order(api, case, tenant, start)
    accept(api, tenant, order_id, start)
    contract_id = drafted(api, tenant, order_id, start)
    countersign(api, tenant, contract_id, 1)
    in_force(api, contract_id, 1)
    return contract_id
