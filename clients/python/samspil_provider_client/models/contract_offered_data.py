from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractOfferedData")


@_attrs_define
class ContractOfferedData:
    """
    Attributes:
        contract_id (UUID):
        version (int):
        kind (Literal['standard'] | None | Unset): Set for a standard contract
    """

    contract_id: UUID
    version: int
    kind: Literal["standard"] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        version = self.version

        kind: Literal["standard"] | None | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "version": version,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        version = d.pop("version")

        def _parse_kind(data: object) -> Literal["standard"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            kind_type_0 = cast(Literal["standard"], data)
            if kind_type_0 != "standard":
                raise ValueError(
                    f"kind_type_0 must match const 'standard', got '{kind_type_0}'"
                )
            return kind_type_0
            return cast(Literal["standard"] | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        contract_offered_data = cls(
            contract_id=contract_id,
            version=version,
            kind=kind,
        )

        contract_offered_data.additional_properties = d
        return contract_offered_data

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
