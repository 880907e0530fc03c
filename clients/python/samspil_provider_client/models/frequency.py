from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.period import Period

T = TypeVar("T", bound="Frequency")


@_attrs_define
class Frequency:
    """How often (hyppighed): sessions per period.

    Attributes:
        per (Period):
        times (int):
    """

    per: Period
    times: int

    def to_dict(self) -> dict[str, Any]:
        per = self.per.value

        times = self.times

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "per": per,
                "times": times,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        per = Period(d.pop("per"))

        times = d.pop("times")

        frequency = cls(
            per=per,
            times=times,
        )

        return frequency
