from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_answered_data_kind import ChangeAnsweredDataKind
from ..models.change_answered_data_status import ChangeAnsweredDataStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeAnsweredData")


@_attrs_define
class ChangeAnsweredData:
    """
    Attributes:
        contract_id (UUID):
        kind (ChangeAnsweredDataKind):
        request_id (UUID):
        status (ChangeAnsweredDataStatus):
        amended_version (int | None | Unset):
        reason_code (None | str | Unset):
    """

    contract_id: UUID
    kind: ChangeAnsweredDataKind
    request_id: UUID
    status: ChangeAnsweredDataStatus
    amended_version: int | None | Unset = UNSET
    reason_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        kind = self.kind.value

        request_id = str(self.request_id)

        status = self.status.value

        amended_version: int | None | Unset
        if isinstance(self.amended_version, Unset):
            amended_version = UNSET
        else:
            amended_version = self.amended_version

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "kind": kind,
                "request_id": request_id,
                "status": status,
            }
        )
        if amended_version is not UNSET:
            field_dict["amended_version"] = amended_version
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        kind = ChangeAnsweredDataKind(d.pop("kind"))

        request_id = UUID(d.pop("request_id"))

        status = ChangeAnsweredDataStatus(d.pop("status"))

        def _parse_amended_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amended_version = _parse_amended_version(d.pop("amended_version", UNSET))

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        change_answered_data = cls(
            contract_id=contract_id,
            kind=kind,
            request_id=request_id,
            status=status,
            amended_version=amended_version,
            reason_code=reason_code,
        )

        change_answered_data.additional_properties = d
        return change_answered_data

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
