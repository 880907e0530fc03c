from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.line_outcome_data_outcome import LineOutcomeDataOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="LineOutcomeData")


@_attrs_define
class LineOutcomeData:
    """
    Attributes:
        line (int): The line's number in the claim, from 1
        outcome (LineOutcomeDataOutcome):
        reason_code (None | str | Unset): A rejected line's code: price_differs_from_contract, outside_contract_period,
            exceeds_scope, no_special_agreement, not_delivered, already_claimed, other
    """

    line: int
    outcome: LineOutcomeDataOutcome
    reason_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        outcome = self.outcome.value

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "outcome": outcome,
            }
        )
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line = d.pop("line")

        outcome = LineOutcomeDataOutcome(d.pop("outcome"))

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        line_outcome_data = cls(
            line=line,
            outcome=outcome,
            reason_code=reason_code,
        )

        line_outcome_data.additional_properties = d
        return line_outcome_data

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
