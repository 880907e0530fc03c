"""Delivery under a contract: treatment plan, start, session logs, stop, and deviations."""

from provider.domain.delivery.aggregate import decide, evolve
from provider.domain.delivery.deviation import (
    DateRange,
    DeviationReport,
    WeekDeviation,
    deviation,
    hours_per_week,
)
from provider.domain.delivery.model import (
    CreateTreatmentPlan,
    Delivery,
    DeliveryCommand,
    DeliveryEvent,
    DeliveryStarted,
    DeliveryStopped,
    LogSession,
    PlanItem,
    SessionLog,
    SessionLogged,
    StartDelivery,
    StopDelivery,
    TreatmentPlanCreated,
)

__all__ = [
    "CreateTreatmentPlan",
    "DateRange",
    "Delivery",
    "DeliveryCommand",
    "DeliveryEvent",
    "DeliveryStarted",
    "DeliveryStopped",
    "DeviationReport",
    "LogSession",
    "PlanItem",
    "SessionLog",
    "SessionLogged",
    "StartDelivery",
    "StopDelivery",
    "TreatmentPlanCreated",
    "WeekDeviation",
    "decide",
    "deviation",
    "evolve",
    "hours_per_week",
]
