from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NewApiKey")


@_attrs_define
class NewApiKey:
    """
    Attributes:
        api_key (str): Shown once; store it now (only its hash is kept)
        created_at (datetime.datetime):
        key_id (UUID):
    """

    api_key: str
    created_at: datetime.datetime
    key_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        created_at = self.created_at.isoformat()

        key_id = str(self.key_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "created_at": created_at,
                "key_id": key_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        key_id = UUID(d.pop("key_id"))

        new_api_key = cls(
            api_key=api_key,
            created_at=created_at,
            key_id=key_id,
        )

        new_api_key.additional_properties = d
        return new_api_key

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
