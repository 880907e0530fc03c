from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_outcome_data import LineOutcomeData


T = TypeVar("T", bound="ClaimData")


@_attrs_define
class ClaimData:
    """
    Attributes:
        claim_id (UUID):
        approved_total_oere (int | None | Unset): `claim.approved`: the approved lines less your credit notes
        lines (list[LineOutcomeData] | Unset): Each line's outcome (empty: the whole claim)
        payment_due_on (datetime.date | None | Unset): `claim.approved`: the contract's payment terms from the claim
        reason_code (None | str | Unset): `claim.rejected`: the first line's code
    """

    claim_id: UUID
    approved_total_oere: int | None | Unset = UNSET
    lines: list[LineOutcomeData] | Unset = UNSET
    payment_due_on: datetime.date | None | Unset = UNSET
    reason_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        approved_total_oere: int | None | Unset
        if isinstance(self.approved_total_oere, Unset):
            approved_total_oere = UNSET
        else:
            approved_total_oere = self.approved_total_oere

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        payment_due_on: None | str | Unset
        if isinstance(self.payment_due_on, Unset):
            payment_due_on = UNSET
        elif isinstance(self.payment_due_on, datetime.date):
            payment_due_on = self.payment_due_on.isoformat()
        else:
            payment_due_on = self.payment_due_on

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
            }
        )
        if approved_total_oere is not UNSET:
            field_dict["approved_total_oere"] = approved_total_oere
        if lines is not UNSET:
            field_dict["lines"] = lines
        if payment_due_on is not UNSET:
            field_dict["payment_due_on"] = payment_due_on
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line_outcome_data import LineOutcomeData

        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        def _parse_approved_total_oere(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_total_oere = _parse_approved_total_oere(
            d.pop("approved_total_oere", UNSET)
        )

        _lines = d.pop("lines", UNSET)
        lines: list[LineOutcomeData] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = LineOutcomeData.from_dict(lines_item_data)

                lines.append(lines_item)

        def _parse_payment_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_due_on_type_0 = datetime.date.fromisoformat(data)

                return payment_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        payment_due_on = _parse_payment_due_on(d.pop("payment_due_on", UNSET))

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        claim_data = cls(
            claim_id=claim_id,
            approved_total_oere=approved_total_oere,
            lines=lines,
            payment_due_on=payment_due_on,
            reason_code=reason_code,
        )

        claim_data.additional_properties = d
        return claim_data

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
