from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditNote")


@_attrs_define
class CreditNote:
    """
    Attributes:
        amount_oere (int):
        reason (str):
        credit_note_id (UUID | Unset): Choose it to retry safely
    """

    amount_oere: int
    reason: str
    credit_note_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_oere = self.amount_oere

        reason = self.reason

        credit_note_id: str | Unset = UNSET
        if not isinstance(self.credit_note_id, Unset):
            credit_note_id = str(self.credit_note_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_oere": amount_oere,
                "reason": reason,
            }
        )
        if credit_note_id is not UNSET:
            field_dict["credit_note_id"] = credit_note_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_oere = d.pop("amount_oere")

        reason = d.pop("reason")

        _credit_note_id = d.pop("credit_note_id", UNSET)
        credit_note_id: UUID | Unset
        if isinstance(_credit_note_id, Unset):
            credit_note_id = UNSET
        else:
            credit_note_id = UUID(_credit_note_id)

        credit_note = cls(
            amount_oere=amount_oere,
            reason=reason,
            credit_note_id=credit_note_id,
        )

        credit_note.additional_properties = d
        return credit_note

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
