from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.triggered_data import TriggeredData


T = TypeVar("T", bound="Triggered")


@_attrs_define
class Triggered:
    """
    Attributes:
        data (TriggeredData): Example data of the type, `sandbox: true`
        event_id (UUID):
        type_ (str):
    """

    data: TriggeredData
    event_id: UUID
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        event_id = str(self.event_id)

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "event_id": event_id,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.triggered_data import TriggeredData

        d = dict(src_dict)
        data = TriggeredData.from_dict(d.pop("data"))

        event_id = UUID(d.pop("event_id"))

        type_ = d.pop("type")

        triggered = cls(
            data=data,
            event_id=event_id,
            type_=type_,
        )

        triggered.additional_properties = d
        return triggered

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
