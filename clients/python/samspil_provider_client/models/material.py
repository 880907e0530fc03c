from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.horizon import Horizon
    from ..models.offer import Offer


T = TypeVar("T", bound="Material")


@_attrs_define
class Material:
    """
    Attributes:
        method (str):
        offers (list[Offer]):
        parents_and_network (str):
        competences (list[str] | Unset):
        time_horizons (list[Horizon] | Unset):
    """

    method: str
    offers: list[Offer]
    parents_and_network: str
    competences: list[str] | Unset = UNSET
    time_horizons: list[Horizon] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        offers = []
        for offers_item_data in self.offers:
            offers_item = offers_item_data.to_dict()
            offers.append(offers_item)

        parents_and_network = self.parents_and_network

        competences: list[str] | Unset = UNSET
        if not isinstance(self.competences, Unset):
            competences = self.competences

        time_horizons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.time_horizons, Unset):
            time_horizons = []
            for time_horizons_item_data in self.time_horizons:
                time_horizons_item = time_horizons_item_data.to_dict()
                time_horizons.append(time_horizons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "offers": offers,
                "parents_and_network": parents_and_network,
            }
        )
        if competences is not UNSET:
            field_dict["competences"] = competences
        if time_horizons is not UNSET:
            field_dict["time_horizons"] = time_horizons

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.horizon import Horizon
        from ..models.offer import Offer

        d = dict(src_dict)
        method = d.pop("method")

        offers = []
        _offers = d.pop("offers")
        for offers_item_data in _offers:
            offers_item = Offer.from_dict(offers_item_data)

            offers.append(offers_item)

        parents_and_network = d.pop("parents_and_network")

        competences = cast(list[str], d.pop("competences", UNSET))

        _time_horizons = d.pop("time_horizons", UNSET)
        time_horizons: list[Horizon] | Unset = UNSET
        if _time_horizons is not UNSET:
            time_horizons = []
            for time_horizons_item_data in _time_horizons:
                time_horizons_item = Horizon.from_dict(time_horizons_item_data)

                time_horizons.append(time_horizons_item)

        material = cls(
            method=method,
            offers=offers,
            parents_and_network=parents_and_network,
            competences=competences,
            time_horizons=time_horizons,
        )

        material.additional_properties = d
        return material

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
