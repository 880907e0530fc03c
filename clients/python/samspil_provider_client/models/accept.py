from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_person import ContactPerson


T = TypeVar("T", bound="Accept")


@_attrs_define
class Accept:
    """
    Attributes:
        contact (ContactPerson): A professional's work contact; not citizen personal data.
        expected_start (datetime.date): A date from 1970-01-01 to 2199-12-31
        expected_revision (int | None | Unset):
        note (str | Unset):  Default: ''.
    """

    contact: ContactPerson
    expected_start: datetime.date
    expected_revision: int | None | Unset = UNSET
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact = self.contact.to_dict()

        expected_start = self.expected_start.isoformat()

        expected_revision: int | None | Unset
        if isinstance(self.expected_revision, Unset):
            expected_revision = UNSET
        else:
            expected_revision = self.expected_revision

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact": contact,
                "expected_start": expected_start,
            }
        )
        if expected_revision is not UNSET:
            field_dict["expected_revision"] = expected_revision
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_person import ContactPerson

        d = dict(src_dict)
        contact = ContactPerson.from_dict(d.pop("contact"))

        expected_start = datetime.date.fromisoformat(d.pop("expected_start"))

        def _parse_expected_revision(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_revision = _parse_expected_revision(d.pop("expected_revision", UNSET))

        note = d.pop("note", UNSET)

        accept = cls(
            contact=contact,
            expected_start=expected_start,
            expected_revision=expected_revision,
            note=note,
        )

        accept.additional_properties = d
        return accept

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
