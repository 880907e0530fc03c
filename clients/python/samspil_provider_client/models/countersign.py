from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Countersign")


@_attrs_define
class Countersign:
    """
    Attributes:
        version (int):
        expected_revision (int | None | Unset):
        terms_sha256 (None | str | Unset): The hash of the terms you read (``offer.terms_sha256``, or recomputed from
            ``offer.terms`` as docs/contract-hash.md says): refused as ``terms_hash_mismatch`` unless it is the hash of the
            terms held for this version
    """

    version: int
    expected_revision: int | None | Unset = UNSET
    terms_sha256: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        expected_revision: int | None | Unset
        if isinstance(self.expected_revision, Unset):
            expected_revision = UNSET
        else:
            expected_revision = self.expected_revision

        terms_sha256: None | str | Unset
        if isinstance(self.terms_sha256, Unset):
            terms_sha256 = UNSET
        else:
            terms_sha256 = self.terms_sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
            }
        )
        if expected_revision is not UNSET:
            field_dict["expected_revision"] = expected_revision
        if terms_sha256 is not UNSET:
            field_dict["terms_sha256"] = terms_sha256

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_expected_revision(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_revision = _parse_expected_revision(d.pop("expected_revision", UNSET))

        def _parse_terms_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        terms_sha256 = _parse_terms_sha256(d.pop("terms_sha256", UNSET))

        countersign = cls(
            version=version,
            expected_revision=expected_revision,
            terms_sha256=terms_sha256,
        )

        countersign.additional_properties = d
        return countersign

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
