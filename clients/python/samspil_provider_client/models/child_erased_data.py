from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChildErasedData")


@_attrs_define
class ChildErasedData:
    """
    Attributes:
        case_id (UUID):
        order_ids (list[UUID]):
    """

    case_id: UUID
    order_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        order_ids = []
        for order_ids_item_data in self.order_ids:
            order_ids_item = str(order_ids_item_data)
            order_ids.append(order_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "order_ids": order_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        order_ids = []
        _order_ids = d.pop("order_ids")
        for order_ids_item_data in _order_ids:
            order_ids_item = UUID(order_ids_item_data)

            order_ids.append(order_ids_item)

        child_erased_data = cls(
            case_id=case_id,
            order_ids=order_ids,
        )

        child_erased_data.additional_properties = d
        return child_erased_data

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
