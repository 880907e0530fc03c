from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.urgency import Urgency

T = TypeVar("T", bound="Concern")


@_attrs_define
class Concern:
    """
    Attributes:
        contract_id (UUID):
        details (str): Sealed before it leaves
        noticed_at (datetime.datetime):
        urgency (Urgency):
    """

    contract_id: UUID
    details: str
    noticed_at: datetime.datetime
    urgency: Urgency
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        details = self.details

        noticed_at = self.noticed_at.isoformat()

        urgency = self.urgency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "details": details,
                "noticed_at": noticed_at,
                "urgency": urgency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        details = d.pop("details")

        noticed_at = datetime.datetime.fromisoformat(d.pop("noticed_at"))

        urgency = Urgency(d.pop("urgency"))

        concern = cls(
            contract_id=contract_id,
            details=details,
            noticed_at=noticed_at,
            urgency=urgency,
        )

        concern.additional_properties = d
        return concern

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
