from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClaimPaidData")


@_attrs_define
class ClaimPaidData:
    """
    Attributes:
        claim_id (UUID):
        paid_on (datetime.date):
        paid_total_oere (int):
    """

    claim_id: UUID
    paid_on: datetime.date
    paid_total_oere: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        paid_on = self.paid_on.isoformat()

        paid_total_oere = self.paid_total_oere

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "paid_on": paid_on,
                "paid_total_oere": paid_total_oere,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        paid_total_oere = d.pop("paid_total_oere")

        claim_paid_data = cls(
            claim_id=claim_id,
            paid_on=paid_on,
            paid_total_oere=paid_total_oere,
        )

        claim_paid_data.additional_properties = d
        return claim_paid_data

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
