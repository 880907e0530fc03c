from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress import Progress

T = TypeVar("T", bound="GoalStatusIn")


@_attrs_define
class GoalStatusIn:
    """
    Attributes:
        goal_id (UUID):
        progress (Progress): The fixed scale, worst to best.
        text (str):
    """

    goal_id: UUID
    progress: Progress
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        goal_id = str(self.goal_id)

        progress = self.progress.value

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "goal_id": goal_id,
                "progress": progress,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        goal_id = UUID(d.pop("goal_id"))

        progress = Progress(d.pop("progress"))

        text = d.pop("text")

        goal_status_in = cls(
            goal_id=goal_id,
            progress=progress,
            text=text,
        )

        goal_status_in.additional_properties = d
        return goal_status_in

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
