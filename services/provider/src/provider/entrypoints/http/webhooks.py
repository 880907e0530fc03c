"""A tenant's webhook endpoint (register, read, test, deactivate, delete) and its delivery
log (filter, redeliver one, redeliver everything dead in a period).
docs/providers/webhooks.md § 8."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import AnyHttpUrl, BaseModel, Field
from servicekit.inputs import Moment
from servicekit.problems import Problem

from provider.entrypoints.deps import Coordinator, Principal, Services, Svc

DeliveryState = Literal["pending", "delivered", "dead"]
Outcome = Literal["delivered", "rejected", "unreachable", "address_refused", "no_endpoint"]
NO_ENDPOINT = "Der er ikke registreret noget webhook-endpoint. / No webhook endpoint is registered."
INACTIVE = (
    "Webhook-endpointet er deaktiveret; aktivér det først. / "
    "The webhook endpoint is deactivated; activate it first."
)


class WebhookEndpoint(BaseModel):
    url: AnyHttpUrl
    secret: str = Field(min_length=24, max_length=200)


class EndpointView(BaseModel):
    url: str
    active: bool = Field(description="False: deactivated, nothing is queued or sent")
    signing_secrets: int = Field(description="2 while a secret rotation is in progress")


class DeliveryView(BaseModel):
    id: UUID = Field(description="The Samspil-Webhook-Id header of every attempt")
    event_id: UUID
    event_type: str
    status: DeliveryState
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    delivered_at: datetime | None
    last_outcome: Outcome | None = Field(description="The last attempt, as a coarse class")


class RedeliverDead(BaseModel):
    created_from: Moment | None = Field(None, description="Deliveries created at or after")
    created_until: Moment | None = Field(None, description="Deliveries created before")


class Redelivered(BaseModel):
    redelivered: int = Field(description="Dead deliveries put back to pending")


def router() -> APIRouter:
    api = APIRouter(tags=["webhooks"])

    @api.put("/webhooks/endpoint", status_code=204)
    async def set_webhook_endpoint(body: WebhookEndpoint, p: Coordinator, svc: Svc) -> None:
        """Register or replace the endpoint's URL and secret; it becomes active."""
        try:
            await svc.webhooks.register_endpoint(str(p.tenant_id), str(body.url), body.secret)
        except ValueError as exc:
            raise Problem(422, "invalid_endpoint", str(exc)) from exc

    @api.get("/webhooks/endpoint")
    async def get_webhook_endpoint(p: Principal, svc: Svc) -> EndpointView:
        """The endpoint (never its secrets)."""
        return _endpoint(await svc.webhooks.endpoint(str(p.tenant_id)))

    @api.delete("/webhooks/endpoint", status_code=204)
    async def delete_webhook_endpoint(p: Coordinator, svc: Svc) -> None:
        """Forget the endpoint and its secrets; nothing more is queued for it."""
        try:
            await svc.webhooks.delete_endpoint(str(p.tenant_id))
        except LookupError as exc:
            raise Problem(404, "no_webhook_endpoint", NO_ENDPOINT) from exc

    @api.post("/webhooks/endpoint/deactivate")
    async def deactivate_webhook_endpoint(p: Coordinator, svc: Svc) -> EndpointView:
        """Stop queueing and sending (kept with its secrets); pending deliveries wait."""
        return await _set_active(svc, str(p.tenant_id), active=False)

    @api.post("/webhooks/endpoint/activate")
    async def activate_webhook_endpoint(p: Coordinator, svc: Svc) -> EndpointView:
        return await _set_active(svc, str(p.tenant_id), active=True)

    @api.post("/webhooks/endpoint/test", status_code=202)
    async def ping_webhook_endpoint(p: Coordinator, svc: Svc) -> DeliveryView:
        """Queue a signed ``webhook.test`` delivery to the endpoint; follow it in the log."""
        try:
            delivery = await svc.webhooks.ping(str(p.tenant_id))
        except LookupError as exc:
            raise Problem(404, "no_webhook_endpoint", NO_ENDPOINT) from exc
        if delivery is None:
            raise Problem(409, "webhook_endpoint_inactive", INACTIVE)
        return _delivery(delivery)

    @api.get("/webhooks/deliveries")
    async def list_webhook_deliveries(
        p: Principal,
        svc: Svc,
        status: DeliveryState | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> list[DeliveryView]:
        """The delivery log, newest first; ``status`` filters (another value is a 422)."""
        found = await svc.webhooks.deliveries(str(p.tenant_id), status=status, limit=limit)
        return [_delivery(d) for d in found]

    @api.post("/webhooks/deliveries/redeliver")
    async def redeliver_dead_webhooks(body: RedeliverDead, p: Coordinator, svc: Svc) -> Redelivered:
        """Send every dead delivery created in the period again (e.g. after an outage)."""
        count = await svc.webhooks.redeliver_dead(
            str(p.tenant_id), body.created_from, body.created_until
        )
        return Redelivered(redelivered=count)

    @api.post("/webhooks/deliveries/{delivery_id}/redeliver")
    async def redeliver_webhook(delivery_id: UUID, p: Coordinator, svc: Svc) -> DeliveryView:
        """Send a dead or delivered delivery again (same id, a fresh retry budget)."""
        try:
            return _delivery(await svc.webhooks.redeliver(str(p.tenant_id), delivery_id))
        except LookupError as exc:  # another tenant's delivery is not found either
            raise Problem(404, "not_found", "No such delivery.") from exc

    return api


async def _set_active(svc: Services, tenant_id: str, active: bool) -> EndpointView:
    try:
        await svc.webhooks.set_endpoint_active(tenant_id, active)
    except LookupError as exc:
        raise Problem(404, "no_webhook_endpoint", NO_ENDPOINT) from exc
    return _endpoint(await svc.webhooks.endpoint(tenant_id))


def _endpoint(found: Any) -> EndpointView:
    if found is None:
        raise Problem(404, "no_webhook_endpoint", NO_ENDPOINT)
    return EndpointView(url=found.url, active=found.active, signing_secrets=len(found.secrets))


def _delivery(d: Any) -> DeliveryView:
    """A delivery as its tenant sees it: the last attempt's outcome as a coarse class
    (delivered, rejected, unreachable, address_refused, no_endpoint), never the status code
    or the transport error, which would make redelivery a probe of other hosts' ports."""
    return DeliveryView(
        id=d.id,
        event_id=d.event_id,
        event_type=d.event_type,
        status=d.status.value,
        attempts=d.attempts,
        next_attempt_at=d.next_attempt_at,
        created_at=d.created_at,
        delivered_at=d.delivered_at,
        last_outcome=d.outcome,
    )
