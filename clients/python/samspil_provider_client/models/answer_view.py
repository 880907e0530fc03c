from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnswerView")


@_attrs_define
class AnswerView:
    """
    Attributes:
        amended_version (int | None): The version offered for a grant
        answered_at (datetime.datetime):
        granted (bool):
        reason_code (None | str): Why it was refused (refusals only)
        text (None | str):
    """

    amended_version: int | None
    answered_at: datetime.datetime
    granted: bool
    reason_code: None | str
    text: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amended_version: int | None
        amended_version = self.amended_version

        answered_at = self.answered_at.isoformat()

        granted = self.granted

        reason_code: None | str
        reason_code = self.reason_code

        text: None | str
        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amended_version": amended_version,
                "answered_at": answered_at,
                "granted": granted,
                "reason_code": reason_code,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amended_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amended_version = _parse_amended_version(d.pop("amended_version"))

        answered_at = datetime.datetime.fromisoformat(d.pop("answered_at"))

        granted = d.pop("granted")

        def _parse_reason_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_code = _parse_reason_code(d.pop("reason_code"))

        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))

        answer_view = cls(
            amended_version=amended_version,
            answered_at=answered_at,
            granted=granted,
            reason_code=reason_code,
            text=text,
        )

        answer_view.additional_properties = d
        return answer_view

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
