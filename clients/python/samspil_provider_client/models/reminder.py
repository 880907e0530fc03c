from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Reminder")


@_attrs_define
class Reminder:
    """
    Attributes:
        contract_id (None | UUID):
        deadline_id (UUID):
        due_at (datetime.datetime):
        fired_at (datetime.datetime):
        kind (str): status_report_due or order_answer_due
        order_id (None | UUID):
        phase (str): warning, due or overdue
    """

    contract_id: None | UUID
    deadline_id: UUID
    due_at: datetime.datetime
    fired_at: datetime.datetime
    kind: str
    order_id: None | UUID
    phase: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        deadline_id = str(self.deadline_id)

        due_at = self.due_at.isoformat()

        fired_at = self.fired_at.isoformat()

        kind = self.kind

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        phase = self.phase

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "deadline_id": deadline_id,
                "due_at": due_at,
                "fired_at": fired_at,
                "kind": kind,
                "order_id": order_id,
                "phase": phase,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        deadline_id = UUID(d.pop("deadline_id"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        fired_at = datetime.datetime.fromisoformat(d.pop("fired_at"))

        kind = d.pop("kind")

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

        phase = d.pop("phase")

        reminder = cls(
            contract_id=contract_id,
            deadline_id=deadline_id,
            due_at=due_at,
            fired_at=fired_at,
            kind=kind,
            order_id=order_id,
            phase=phase,
        )

        reminder.additional_properties = d
        return reminder

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
