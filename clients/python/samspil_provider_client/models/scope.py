from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.period import Period

T = TypeVar("T", bound="Scope")


@_attrs_define
class Scope:
    """How much help (omfang): hours per period.

    Attributes:
        hours (int):
        per (Period):
    """

    hours: int
    per: Period

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        per = self.per.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
                "per": per,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        hours = d.pop("hours")

        per = Period(d.pop("per"))

        scope = cls(
            hours=hours,
            per=per,
        )

        return scope
