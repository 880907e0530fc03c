from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sandbox_offer_terms import SandboxOfferTerms


T = TypeVar("T", bound="SandboxOffer")


@_attrs_define
class SandboxOffer:
    """
    Attributes:
        terms (SandboxOfferTerms): Invented terms (no child, no personal data)
        terms_sha256 (str): Their hash, as in `GET /contracts/{contract_id}`
    """

    terms: SandboxOfferTerms
    terms_sha256: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        terms = self.terms.to_dict()

        terms_sha256 = self.terms_sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "terms": terms,
                "terms_sha256": terms_sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sandbox_offer_terms import SandboxOfferTerms

        d = dict(src_dict)
        terms = SandboxOfferTerms.from_dict(d.pop("terms"))

        terms_sha256 = d.pop("terms_sha256")

        sandbox_offer = cls(
            terms=terms,
            terms_sha256=terms_sha256,
        )

        sandbox_offer.additional_properties = d
        return sandbox_offer

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
