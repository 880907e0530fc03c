"""Schemathesis over each running service's OpenAPI: no 5xx, every error is problem+json."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.e2e.flows import new_tenant
from tests.reliability.conftest import FaultStack

pytestmark = pytest.mark.integration

EXAMPLES = settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def _schema(stack: FaultStack, service: str, headers: dict[str, str]) -> Any:
    url = stack.url(service)
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    schema.config.update(base_url=url, headers=headers)
    return schema


@pytest.fixture(scope="module")
def authority_api(fault_stack: FaultStack) -> Any:
    token = fault_stack.issuer.issue("fuzz", ["caseworker", "team_leader", "finance"])
    return _schema(fault_stack, "authority", {"Authorization": f"Bearer {token}"})


@pytest.fixture(scope="module")
def provider_api(fault_stack: FaultStack) -> Any:
    tenant = new_tenant(fault_stack, "Fuzz tenant")
    return _schema(fault_stack, "provider", {"X-Api-Key": tenant.api_key})


@pytest.fixture(scope="module")
def scheduler_api(fault_stack: FaultStack) -> Any:
    token = fault_stack.issuer.issue("fuzz", ["ops"])
    return _schema(fault_stack, "scheduler", {"Authorization": f"Bearer {token}"})


def _well_behaved(case: Any) -> None:
    response = case.call(timeout=15)
    where = f"{case.method} {case.formatted_path}"
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
    if response.status_code >= 400:
        # schemathesis keeps every header as a list of values
        content_type = (response.headers.get("content-type") or [""])[0]
        assert content_type.startswith("application/problem+json"), f"{where}: {content_type}"


def _fuzz(schema: Any) -> int:
    """Every operation, a few generated requests each (hypothesis shrinks any failure)."""
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:

        @EXAMPLES
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            _well_behaved(case)

        run()
    return len(operations)


def test_authority_api_never_fails_with_5xx(authority_api: Any) -> None:
    assert _fuzz(authority_api) > 30


def test_provider_api_never_fails_with_5xx(provider_api: Any) -> None:
    assert _fuzz(provider_api) > 20


def test_scheduler_api_never_fails_with_5xx(scheduler_api: Any) -> None:
    assert _fuzz(scheduler_api) >= 3


def test_a_malformed_if_match_is_a_client_error(fault_stack: FaultStack) -> None:
    with fault_stack.client("authority", "caseworker", user="fuzz") as cw:
        response = cw.post(
            f"/cases/{uuid.uuid4()}/investigation/start", headers={"If-Match": "null"}
        )
    assert 400 <= response.status_code < 500, response.status_code
    assert response.headers["content-type"].startswith("application/problem+json")


def test_a_provider_can_publish_its_material(fault_stack: FaultStack) -> None:
    tenant = new_tenant(fault_stack, "Material tenant")
    body = {
        "offers": [{"measure": "sel_52_3_2", "price_oere": 65000, "unit": "hour", "places": 3}],
        "method": "Familiebehandling i hjemmet",
        "parents_and_network": "Netværksmøder",
    }
    response = tenant.client.put("/material", json=body)
    assert response.status_code == 200, response.status_code
