from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessEntry")


@_attrs_define
class AccessEntry:
    """
    Attributes:
        at (datetime.datetime):
        id (UUID):
        order_id (UUID):
        reason (str):
        user_id (str):
    """

    at: datetime.datetime
    id: UUID
    order_id: UUID
    reason: str
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        id = str(self.id)

        order_id = str(self.order_id)

        reason = self.reason

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "id": id,
                "order_id": order_id,
                "reason": reason,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = UUID(d.pop("id"))

        order_id = UUID(d.pop("order_id"))

        reason = d.pop("reason")

        user_id = d.pop("user_id")

        access_entry = cls(
            at=at,
            id=id,
            order_id=order_id,
            reason=reason,
            user_id=user_id,
        )

        access_entry.additional_properties = d
        return access_entry

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
