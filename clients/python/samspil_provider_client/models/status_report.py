from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goal_status_in import GoalStatusIn


T = TypeVar("T", bound="StatusReport")


@_attrs_define
class StatusReport:
    """
    Attributes:
        followup_ref (str): The follow-up the report prepares: a `followup_ref` from GET
            /contracts/{contract_id}/follow-ups; another value is refused (422 `unknown_followup_ref`)
        narrative (str): Sealed before it leaves
        per_goal (list[GoalStatusIn]):
        period_end (datetime.date): A date from 1970-01-01 to 2199-12-31
        period_start (datetime.date): A date from 1970-01-01 to 2199-12-31
        report_id (UUID | Unset):
    """

    followup_ref: str
    narrative: str
    per_goal: list[GoalStatusIn]
    period_end: datetime.date
    period_start: datetime.date
    report_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        followup_ref = self.followup_ref

        narrative = self.narrative

        per_goal = []
        for per_goal_item_data in self.per_goal:
            per_goal_item = per_goal_item_data.to_dict()
            per_goal.append(per_goal_item)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        report_id: str | Unset = UNSET
        if not isinstance(self.report_id, Unset):
            report_id = str(self.report_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "followup_ref": followup_ref,
                "narrative": narrative,
                "per_goal": per_goal,
                "period_end": period_end,
                "period_start": period_start,
            }
        )
        if report_id is not UNSET:
            field_dict["report_id"] = report_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.goal_status_in import GoalStatusIn

        d = dict(src_dict)
        followup_ref = d.pop("followup_ref")

        narrative = d.pop("narrative")

        per_goal = []
        _per_goal = d.pop("per_goal")
        for per_goal_item_data in _per_goal:
            per_goal_item = GoalStatusIn.from_dict(per_goal_item_data)

            per_goal.append(per_goal_item)

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        _report_id = d.pop("report_id", UNSET)
        report_id: UUID | Unset
        if isinstance(_report_id, Unset):
            report_id = UNSET
        else:
            report_id = UUID(_report_id)

        status_report = cls(
            followup_ref=followup_ref,
            narrative=narrative,
            per_goal=per_goal,
            period_end=period_end,
            period_start=period_start,
            report_id=report_id,
        )

        status_report.additional_properties = d
        return status_report

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
