from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_code import MeasureCode
from ..models.price_unit import PriceUnit

T = TypeVar("T", bound="Offer")


@_attrs_define
class Offer:
    """
    Attributes:
        measure (MeasureCode): The measures a decision can order: støttende indsatser under barnets lov § 32, stk. 1
            (nr. 1-8) and placement (anbringelse, § 46). The codes are the stable values first stored
            under the repealed Act (``sel_52_3_<n>``); ``legal_basis_for`` gives the law in force.
        places (int):
        price_oere (int): Price per unit in øre (1/100 DKK)
        unit (PriceUnit):
    """

    measure: MeasureCode
    places: int
    price_oere: int
    unit: PriceUnit
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measure = self.measure.value

        places = self.places

        price_oere = self.price_oere

        unit = self.unit.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measure": measure,
                "places": places,
                "price_oere": price_oere,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        measure = MeasureCode(d.pop("measure"))

        places = d.pop("places")

        price_oere = d.pop("price_oere")

        unit = PriceUnit(d.pop("unit"))

        offer = cls(
            measure=measure,
            places=places,
            price_oere=price_oere,
            unit=unit,
        )

        offer.additional_properties = d
        return offer

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
