from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RedeliverDead")


@_attrs_define
class RedeliverDead:
    """
    Attributes:
        created_from (datetime.datetime | None | Unset): Deliveries created at or after
        created_until (datetime.datetime | None | Unset): Deliveries created before
    """

    created_from: datetime.datetime | None | Unset = UNSET
    created_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_from: None | str | Unset
        if isinstance(self.created_from, Unset):
            created_from = UNSET
        elif isinstance(self.created_from, datetime.datetime):
            created_from = self.created_from.isoformat()
        else:
            created_from = self.created_from

        created_until: None | str | Unset
        if isinstance(self.created_until, Unset):
            created_until = UNSET
        elif isinstance(self.created_until, datetime.datetime):
            created_until = self.created_until.isoformat()
        else:
            created_until = self.created_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_from is not UNSET:
            field_dict["created_from"] = created_from
        if created_until is not UNSET:
            field_dict["created_until"] = created_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_created_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_from_type_0 = datetime.datetime.fromisoformat(data)

                return created_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_from = _parse_created_from(d.pop("created_from", UNSET))

        def _parse_created_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_until_type_0 = datetime.datetime.fromisoformat(data)

                return created_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_until = _parse_created_until(d.pop("created_until", UNSET))

        redeliver_dead = cls(
            created_from=created_from,
            created_until=created_until,
        )

        redeliver_dead.additional_properties = d
        return redeliver_dead

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
