from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_stop_reason import DeliveryStopReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="Stop")


@_attrs_define
class Stop:
    """
    Attributes:
        on (datetime.date): A date from 1970-01-01 to 2199-12-31
        reason (str | Unset):  Default: ''.
        reason_code (DeliveryStopReason | Unset): Why the provider stopped delivering (coded, so the authority can act
            on it).
    """

    on: datetime.date
    reason: str | Unset = ""
    reason_code: DeliveryStopReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        reason = self.reason

        reason_code: str | Unset = UNSET
        if not isinstance(self.reason_code, Unset):
            reason_code = self.reason_code.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        reason = d.pop("reason", UNSET)

        _reason_code = d.pop("reason_code", UNSET)
        reason_code: DeliveryStopReason | Unset
        if isinstance(_reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = DeliveryStopReason(_reason_code)

        stop = cls(
            on=on,
            reason=reason,
            reason_code=reason_code,
        )

        stop.additional_properties = d
        return stop

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
