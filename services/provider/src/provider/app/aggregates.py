"""The provider's aggregates wired to the event store: stream category, decide, evolve, codec."""

from __future__ import annotations

from typing import Any

from servicekit.aggregates import Aggregate, EventCodec

from provider.domain import (
    capacity,
    change,
    claim,
    concern,
    contract,
    delivery,
    material,
    order,
    report,
    standard,
)

Agg = Aggregate[Any, Any, Any]


def _codec(*types: type[Any]) -> EventCodec[Any]:
    return EventCodec(types)


ORDERS: Agg = Aggregate(
    "order",
    order.decide,
    order.evolve,
    _codec(
        order.OrderReceived,
        order.OrderChanged,
        order.OrderWithdrawn,
        order.OrderAccepted,
        order.OrderDeclined,
    ),
)
CONTRACTS: Agg = Aggregate(
    "contract",
    contract.decide,
    contract.evolve,
    _codec(
        contract.ContractOfferReceived,
        contract.ContractCountersigned,
        contract.NoticeGiven,
        contract.OwnNoticeRecorded,
        contract.ContractEnded,
    ),
)
STANDARDS: Agg = Aggregate(
    "standard",
    standard.decide,
    standard.evolve,
    _codec(standard.StandardOfferReceived, standard.StandardCountersigned),
)
DELIVERIES: Agg = Aggregate(
    "delivery",
    delivery.decide,
    delivery.evolve,
    _codec(
        delivery.TreatmentPlanCreated,
        delivery.DeliveryStarted,
        delivery.SessionLogged,
        delivery.DeliveryStopped,
    ),
)
# All change requests of one contract, keyed by the contract id.
CHANGES: Agg = Aggregate(
    "change", change.decide, change.evolve, _codec(change.ChangeRequested, change.ChangeAnswered)
)
REPORTS: Agg = Aggregate(
    "report", report.decide, report.evolve, _codec(report.StatusReportSubmitted)
)
CONCERNS: Agg = Aggregate(
    "concern", concern.decide, concern.evolve, _codec(concern.ConcernNotified)
)
CLAIMS: Agg = Aggregate(
    "claim",
    claim.decide,
    claim.evolve,
    _codec(
        claim.ClaimSubmitted,
        claim.CreditNoteIssued,
        claim.ClaimApproved,
        claim.ClaimRejected,
        claim.ClaimPaid,
    ),
)
MATERIALS: Agg = Aggregate(
    "material", material.decide, material.evolve, _codec(material.MaterialPublished)
)
CAPACITY: Agg = Aggregate(
    "capacity",
    capacity.decide,
    capacity.evolve,
    _codec(capacity.PlacesSet, capacity.PlaceReserved, capacity.PlaceReleased),
)


def capacity_id(tenant_id: object, measure_code: str) -> str:
    """One capacity stream per (tenant, measure code)."""
    return f"{tenant_id}:{measure_code}"
