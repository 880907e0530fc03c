from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.force_kind import ForceKind

T = TypeVar("T", bound="Incident")


@_attrs_define
class Incident:
    """
    Attributes:
        contract_id (UUID):
        details (str): Sealed before it leaves
        happened_at (datetime.datetime):
        kind (ForceKind):
    """

    contract_id: UUID
    details: str
    happened_at: datetime.datetime
    kind: ForceKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        details = self.details

        happened_at = self.happened_at.isoformat()

        kind = self.kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "details": details,
                "happened_at": happened_at,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        details = d.pop("details")

        happened_at = datetime.datetime.fromisoformat(d.pop("happened_at"))

        kind = ForceKind(d.pop("kind"))

        incident = cls(
            contract_id=contract_id,
            details=details,
            happened_at=happened_at,
            kind=kind,
        )

        incident.additional_properties = d
        return incident

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
