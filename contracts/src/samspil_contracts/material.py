"""The provider's published material (leverandørmateriale); latest per provider wins."""

from enum import StrEnum
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import Field

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import (
    MAX_LIST,
    MAX_PLACES,
    MeasureCode,
    Price,
    ShortText,
    Text,
    Value,
)


class ProviderKind(StrEnum):
    MUNICIPAL = "municipal"
    REGIONAL = "regional"
    PRIVATE = "private"
    VOLUNTARY = "voluntary"


class MeasureOffer(Value):
    measure: MeasureCode
    price: Price
    places: Annotated[int, Field(ge=0, le=MAX_PLACES)] | None = Field(
        default=None, description="Capacity, if any"
    )


class TimeHorizon(Value):
    """How long the provider takes for a kind of task, e.g. 'start after acceptance'."""

    task: ShortText
    days: int = Field(ge=0, le=3650)


class ProviderMaterialPublished(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.provider.material_published"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.PROVIDER_MATERIAL

    provider_id: UUID
    version: int = Field(ge=1)
    name: ShortText
    kind: ProviderKind
    offers: Annotated[tuple[MeasureOffer, ...], Field(min_length=1, max_length=MAX_LIST)]
    time_horizons: Annotated[tuple[TimeHorizon, ...], Field(max_length=MAX_LIST)] = ()
    method: Text
    parents_and_network: Text = Field(description="Stance on working with parents and network")
    staff_qualifications: Annotated[tuple[ShortText, ...], Field(max_length=MAX_LIST)] = ()
