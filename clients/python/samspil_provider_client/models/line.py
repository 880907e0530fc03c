from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.line_kind import LineKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Line")


@_attrs_define
class Line:
    """
    Attributes:
        description (str):
        unit_price_oere (int): Price per unit in øre (1/100 DKK)
        units (int):
        kind (LineKind | Unset):
    """

    description: str
    unit_price_oere: int
    units: int
    kind: LineKind | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        unit_price_oere = self.unit_price_oere

        units = self.units

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "unit_price_oere": unit_price_oere,
                "units": units,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description")

        unit_price_oere = d.pop("unit_price_oere")

        units = d.pop("units")

        _kind = d.pop("kind", UNSET)
        kind: LineKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = LineKind(_kind)

        line = cls(
            description=description,
            unit_price_oere=unit_price_oere,
            units=units,
            kind=kind,
        )

        line.additional_properties = d
        return line

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
