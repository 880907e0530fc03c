from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_terminated_data_given_by import ContractTerminatedDataGivenBy

T = TypeVar("T", bound="ContractTerminatedData")


@_attrs_define
class ContractTerminatedData:
    """
    Attributes:
        contract_id (UUID):
        given_by (ContractTerminatedDataGivenBy):
        last_day (datetime.date): In force through this day (Copenhagen); the same as `notice_given_on` when it ended at
            once (then `contract.ended` follows)
        notice_given_on (datetime.date):
        reason_code (str): goals_met, measure_no_longer_needed, child_moved, ...
    """

    contract_id: UUID
    given_by: ContractTerminatedDataGivenBy
    last_day: datetime.date
    notice_given_on: datetime.date
    reason_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        given_by = self.given_by.value

        last_day = self.last_day.isoformat()

        notice_given_on = self.notice_given_on.isoformat()

        reason_code = self.reason_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "given_by": given_by,
                "last_day": last_day,
                "notice_given_on": notice_given_on,
                "reason_code": reason_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        given_by = ContractTerminatedDataGivenBy(d.pop("given_by"))

        last_day = datetime.date.fromisoformat(d.pop("last_day"))

        notice_given_on = datetime.date.fromisoformat(d.pop("notice_given_on"))

        reason_code = d.pop("reason_code")

        contract_terminated_data = cls(
            contract_id=contract_id,
            given_by=given_by,
            last_day=last_day,
            notice_given_on=notice_given_on,
            reason_code=reason_code,
        )

        contract_terminated_data.additional_properties = d
        return contract_terminated_data

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
