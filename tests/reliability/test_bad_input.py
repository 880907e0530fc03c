"""Schemathesis over each running service's OpenAPI: no 5xx, every error is problem+json."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.e2e.flows import new_tenant
from tests.reliability.conftest import FaultStack

pytestmark = pytest.mark.integration

EXAMPLES = settings(
    max_examples=4, deadline=None, derandomize=True,
    suppress_health_check=list(HealthCheck),
)  # fmt: skip


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
        content_type = response.headers.get("content-type", "")
        assert content_type.startswith("application/problem+json"), f"{where}: {content_type}"


authority = schemathesis.pytest.from_fixture("authority_api")
provider = schemathesis.pytest.from_fixture("provider_api")
scheduler = schemathesis.pytest.from_fixture("scheduler_api")


@authority.parametrize()
@EXAMPLES
def test_authority_api_never_fails_with_5xx(case: Any) -> None:
    _well_behaved(case)


@provider.parametrize()
@EXAMPLES
def test_provider_api_never_fails_with_5xx(case: Any) -> None:
    _well_behaved(case)


@scheduler.parametrize()
@EXAMPLES
def test_scheduler_api_never_fails_with_5xx(case: Any) -> None:
    _well_behaved(case)
