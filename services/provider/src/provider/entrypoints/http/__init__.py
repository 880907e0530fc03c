"""The provider's HTTP API, one router per resource."""

from fastapi import APIRouter

from provider.entrypoints.http import (
    admin,
    api_keys,
    change_requests,
    claims,
    contracts,
    delivery,
    orders,
    reports,
    sandbox,
    shared_documents,
    tenant_misc,
    webhooks,
)


def routers() -> list[APIRouter]:
    return [
        admin.router(),
        api_keys.router(),
        orders.router(),
        contracts.router(),
        delivery.router(),
        reports.router(),
        change_requests.router(),
        claims.router(),
        tenant_misc.router(),
        webhooks.router(),
        shared_documents.router(),
        sandbox.router(),
    ]
