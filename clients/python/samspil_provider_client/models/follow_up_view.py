from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FollowUpView")


@_attrs_define
class FollowUpView:
    """A follow-up (opfølgning, barnets lov § 95) of a contract, as the scheduler set it.

    Attributes:
        contract_id (UUID):
        due_at (datetime.datetime): When the follow-up falls due
        due_on (datetime.date): `due_at` as a date in Copenhagen
        followup_ref (str): Name it in the status report prepared for it
        order_id (None | UUID):
        report_due_at (datetime.datetime | None): When the status report falls due
        report_due_on (datetime.date | None): `report_due_at` as a date in Copenhagen
        report_status (None | str): open, met (received) or cancelled
        status (str): open, met (held) or cancelled
    """

    contract_id: UUID
    due_at: datetime.datetime
    due_on: datetime.date
    followup_ref: str
    order_id: None | UUID
    report_due_at: datetime.datetime | None
    report_due_on: datetime.date | None
    report_status: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        due_at = self.due_at.isoformat()

        due_on = self.due_on.isoformat()

        followup_ref = self.followup_ref

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        report_due_at: None | str
        if isinstance(self.report_due_at, datetime.datetime):
            report_due_at = self.report_due_at.isoformat()
        else:
            report_due_at = self.report_due_at

        report_due_on: None | str
        if isinstance(self.report_due_on, datetime.date):
            report_due_on = self.report_due_on.isoformat()
        else:
            report_due_on = self.report_due_on

        report_status: None | str
        report_status = self.report_status

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "due_at": due_at,
                "due_on": due_on,
                "followup_ref": followup_ref,
                "order_id": order_id,
                "report_due_at": report_due_at,
                "report_due_on": report_due_on,
                "report_status": report_status,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        followup_ref = d.pop("followup_ref")

        def _parse_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        order_id = _parse_order_id(d.pop("order_id"))

        def _parse_report_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                report_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return report_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        report_due_at = _parse_report_due_at(d.pop("report_due_at"))

        def _parse_report_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                report_due_on_type_0 = datetime.date.fromisoformat(data)

                return report_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        report_due_on = _parse_report_due_on(d.pop("report_due_on"))

        def _parse_report_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        report_status = _parse_report_status(d.pop("report_status"))

        status = d.pop("status")

        follow_up_view = cls(
            contract_id=contract_id,
            due_at=due_at,
            due_on=due_on,
            followup_ref=followup_ref,
            order_id=order_id,
            report_due_at=report_due_at,
            report_due_on=report_due_on,
            report_status=report_status,
            status=status,
        )

        follow_up_view.additional_properties = d
        return follow_up_view

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
