from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClaimSummary")


@_attrs_define
class ClaimSummary:
    """
    Attributes:
        claim_id (UUID):
        claim_number (str):
        contract_id (UUID):
        credited_oere (int):
        period_end (datetime.date):
        period_start (datetime.date):
        revision (int):
        status (str):
        total_oere (int):
    """

    claim_id: UUID
    claim_number: str
    contract_id: UUID
    credited_oere: int
    period_end: datetime.date
    period_start: datetime.date
    revision: int
    status: str
    total_oere: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        claim_number = self.claim_number

        contract_id = str(self.contract_id)

        credited_oere = self.credited_oere

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        revision = self.revision

        status = self.status

        total_oere = self.total_oere

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "claim_number": claim_number,
                "contract_id": contract_id,
                "credited_oere": credited_oere,
                "period_end": period_end,
                "period_start": period_start,
                "revision": revision,
                "status": status,
                "total_oere": total_oere,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        claim_number = d.pop("claim_number")

        contract_id = UUID(d.pop("contract_id"))

        credited_oere = d.pop("credited_oere")

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        revision = d.pop("revision")

        status = d.pop("status")

        total_oere = d.pop("total_oere")

        claim_summary = cls(
            claim_id=claim_id,
            claim_number=claim_number,
            contract_id=contract_id,
            credited_oere=credited_oere,
            period_end=period_end,
            period_start=period_start,
            revision=revision,
            status=status,
            total_oere=total_oere,
        )

        claim_summary.additional_properties = d
        return claim_summary

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
