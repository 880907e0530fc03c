from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.termination_reason import TerminationReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="Terminate")


@_attrs_define
class Terminate:
    """Notice (opsigelse) for the provider: a coded reason and the notice period in days,
    counted from today in Copenhagen (0: at once, only for a serious breach).

        Attributes:
            reason_code (TerminationReason): Why a party gives notice (opsigelse), as on the wire.
            expected_revision (int | None | Unset):
            notice_days (int | Unset):  Default: 30.
            text (None | str | Unset):
    """

    reason_code: TerminationReason
    expected_revision: int | None | Unset = UNSET
    notice_days: int | Unset = 30
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code.value

        expected_revision: int | None | Unset
        if isinstance(self.expected_revision, Unset):
            expected_revision = UNSET
        else:
            expected_revision = self.expected_revision

        notice_days = self.notice_days

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason_code": reason_code,
            }
        )
        if expected_revision is not UNSET:
            field_dict["expected_revision"] = expected_revision
        if notice_days is not UNSET:
            field_dict["notice_days"] = notice_days
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason_code = TerminationReason(d.pop("reason_code"))

        def _parse_expected_revision(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_revision = _parse_expected_revision(d.pop("expected_revision", UNSET))

        notice_days = d.pop("notice_days", UNSET)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        terminate = cls(
            reason_code=reason_code,
            expected_revision=expected_revision,
            notice_days=notice_days,
            text=text,
        )

        terminate.additional_properties = d
        return terminate

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
