from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.claim_summary_lines_type_0_item import ClaimSummaryLinesType0Item


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
        status (str): submitted, approved (wholly or in part), rejected, paid
        total_oere (int):
        approved_total_oere (int | None | Unset):
        lines (list[ClaimSummaryLinesType0Item] | None | Unset): Each line: kind, units, amounts, outcome and
            reason_code
        paid_on (datetime.date | None | Unset):
        payment_due_on (datetime.date | None | Unset):
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
    approved_total_oere: int | None | Unset = UNSET
    lines: list[ClaimSummaryLinesType0Item] | None | Unset = UNSET
    paid_on: datetime.date | None | Unset = UNSET
    payment_due_on: datetime.date | None | Unset = UNSET
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

        approved_total_oere: int | None | Unset
        if isinstance(self.approved_total_oere, Unset):
            approved_total_oere = UNSET
        else:
            approved_total_oere = self.approved_total_oere

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        paid_on: None | str | Unset
        if isinstance(self.paid_on, Unset):
            paid_on = UNSET
        elif isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        payment_due_on: None | str | Unset
        if isinstance(self.payment_due_on, Unset):
            payment_due_on = UNSET
        elif isinstance(self.payment_due_on, datetime.date):
            payment_due_on = self.payment_due_on.isoformat()
        else:
            payment_due_on = self.payment_due_on

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
        if approved_total_oere is not UNSET:
            field_dict["approved_total_oere"] = approved_total_oere
        if lines is not UNSET:
            field_dict["lines"] = lines
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on
        if payment_due_on is not UNSET:
            field_dict["payment_due_on"] = payment_due_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.claim_summary_lines_type_0_item import ClaimSummaryLinesType0Item

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

        def _parse_approved_total_oere(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_total_oere = _parse_approved_total_oere(
            d.pop("approved_total_oere", UNSET)
        )

        def _parse_lines(
            data: object,
        ) -> list[ClaimSummaryLinesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = ClaimSummaryLinesType0Item.from_dict(
                        lines_type_0_item_data
                    )

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClaimSummaryLinesType0Item] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

        def _parse_paid_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        paid_on = _parse_paid_on(d.pop("paid_on", UNSET))

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
            approved_total_oere=approved_total_oere,
            lines=lines,
            paid_on=paid_on,
            payment_due_on=payment_due_on,
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
