from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_view_last_outcome_type_0 import DeliveryViewLastOutcomeType0
from ..models.delivery_view_status import DeliveryViewStatus

T = TypeVar("T", bound="DeliveryView")


@_attrs_define
class DeliveryView:
    """
    Attributes:
        attempts (int):
        created_at (datetime.datetime):
        delivered_at (datetime.datetime | None):
        event_id (UUID):
        event_type (str):
        id (UUID): The Samspil-Webhook-Id header of every attempt
        last_outcome (DeliveryViewLastOutcomeType0 | None): The last attempt, as a coarse class
        next_attempt_at (datetime.datetime):
        status (DeliveryViewStatus):
    """

    attempts: int
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    event_id: UUID
    event_type: str
    id: UUID
    last_outcome: DeliveryViewLastOutcomeType0 | None
    next_attempt_at: datetime.datetime
    status: DeliveryViewStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        event_id = str(self.event_id)

        event_type = self.event_type

        id = str(self.id)

        last_outcome: None | str
        if isinstance(self.last_outcome, DeliveryViewLastOutcomeType0):
            last_outcome = self.last_outcome.value
        else:
            last_outcome = self.last_outcome

        next_attempt_at = self.next_attempt_at.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "delivered_at": delivered_at,
                "event_id": event_id,
                "event_type": event_type,
                "id": id,
                "last_outcome": last_outcome,
                "next_attempt_at": next_attempt_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        event_id = UUID(d.pop("event_id"))

        event_type = d.pop("event_type")

        id = UUID(d.pop("id"))

        def _parse_last_outcome(data: object) -> DeliveryViewLastOutcomeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_outcome_type_0 = DeliveryViewLastOutcomeType0(data)

                return last_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryViewLastOutcomeType0 | None, data)

        last_outcome = _parse_last_outcome(d.pop("last_outcome"))

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))

        status = DeliveryViewStatus(d.pop("status"))

        delivery_view = cls(
            attempts=attempts,
            created_at=created_at,
            delivered_at=delivered_at,
            event_id=event_id,
            event_type=event_type,
            id=id,
            last_outcome=last_outcome,
            next_attempt_at=next_attempt_at,
            status=status,
        )

        delivery_view.additional_properties = d
        return delivery_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
