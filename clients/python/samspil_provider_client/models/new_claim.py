from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.line import Line


T = TypeVar("T", bound="NewClaim")


@_attrs_define
class NewClaim:
    """
    Attributes:
        claim_number (str):
        contract_id (UUID):
        lines (list[Line]):
        period_end (datetime.date): A date from 1970-01-01 to 2199-12-31
        period_start (datetime.date): A date from 1970-01-01 to 2199-12-31
    """

    claim_number: str
    contract_id: UUID
    lines: list[Line]
    period_end: datetime.date
    period_start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_number = self.claim_number

        contract_id = str(self.contract_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_number": claim_number,
                "contract_id": contract_id,
                "lines": lines,
                "period_end": period_end,
                "period_start": period_start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line import Line

        d = dict(src_dict)
        claim_number = d.pop("claim_number")

        contract_id = UUID(d.pop("contract_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = Line.from_dict(lines_item_data)

            lines.append(lines_item)

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        new_claim = cls(
            claim_number=claim_number,
            contract_id=contract_id,
            lines=lines,
            period_end=period_end,
            period_start=period_start,
        )

        new_claim.additional_properties = d
        return new_claim

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
