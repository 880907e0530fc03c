from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnswerDeadlineData")


@_attrs_define
class AnswerDeadlineData:
    """
    Attributes:
        deadline_id (UUID): A moved deadline (a changed order) has a new id
        due_at (datetime.datetime): Your answer is due then: the scheduler's working-day rule, counted from the order
            (version); the same instant as `answer_due_at` in `GET /orders/{order_id}`
        order_id (UUID):
    """

    deadline_id: UUID
    due_at: datetime.datetime
    order_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deadline_id = str(self.deadline_id)

        due_at = self.due_at.isoformat()

        order_id = str(self.order_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deadline_id": deadline_id,
                "due_at": due_at,
                "order_id": order_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deadline_id = UUID(d.pop("deadline_id"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        order_id = UUID(d.pop("order_id"))

        answer_deadline_data = cls(
            deadline_id=deadline_id,
            due_at=due_at,
            order_id=order_id,
        )

        answer_deadline_data.additional_properties = d
        return answer_deadline_data

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
