"""The provider's published material (leverandørmateriale): what it offers, at what price.

One stream per tenant; every publication is a complete new version, so the authority never
has to merge partial updates.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.values import PriceUnit


@dataclass(frozen=True, slots=True)
class MeasureOffer:
    """A measure the provider delivers: its price in øre per unit and its places (capacity)."""

    measure_code: str
    price_oere: int
    unit: PriceUnit
    places: int


@dataclass(frozen=True, slots=True)
class TimeHorizon:
    """How many days the provider takes for a type of task, e.g. 'start after acceptance'."""

    task_type: str
    days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MaterialContent:
    offers: tuple[MeasureOffer, ...]
    time_horizons: tuple[TimeHorizon, ...]
    method: str
    parents_and_network: str  # the method's stance on working with parents and network
    competences: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishMaterial(Command):
    content: MaterialContent


@dataclass(frozen=True, slots=True, kw_only=True)
class MaterialPublished(Event):
    version: int
    content: MaterialContent


@dataclass(frozen=True, slots=True, kw_only=True)
class Material:
    tenant_id: UUID
    version: int
    content: MaterialContent

    def offer_for(self, measure_code: str) -> MeasureOffer | None:
        return next((o for o in self.content.offers if o.measure_code == measure_code), None)
