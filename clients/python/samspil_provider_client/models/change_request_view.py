from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.answer_view import AnswerView
    from ..models.change_request_view_frequency_type_0 import (
        ChangeRequestViewFrequencyType0,
    )
    from ..models.change_request_view_scope_type_0 import ChangeRequestViewScopeType0


T = TypeVar("T", bound="ChangeRequestView")


@_attrs_define
class ChangeRequestView:
    """
    Attributes:
        answer (AnswerView | None):
        contract_id (UUID):
        expected_duration_months (int | None):
        frequency (ChangeRequestViewFrequencyType0 | None):
        kind (str):
        last_day (datetime.date | None):
        new_end (datetime.date | None):
        reason (str):
        request_id (UUID):
        requested_at (datetime.datetime):
        scope (ChangeRequestViewScopeType0 | None):
        status (str): open, granted or refused
        version_in_force (int):
    """

    answer: AnswerView | None
    contract_id: UUID
    expected_duration_months: int | None
    frequency: ChangeRequestViewFrequencyType0 | None
    kind: str
    last_day: datetime.date | None
    new_end: datetime.date | None
    reason: str
    request_id: UUID
    requested_at: datetime.datetime
    scope: ChangeRequestViewScopeType0 | None
    status: str
    version_in_force: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.answer_view import AnswerView
        from ..models.change_request_view_frequency_type_0 import (
            ChangeRequestViewFrequencyType0,
        )
        from ..models.change_request_view_scope_type_0 import (
            ChangeRequestViewScopeType0,
        )

        answer: dict[str, Any] | None
        if isinstance(self.answer, AnswerView):
            answer = self.answer.to_dict()
        else:
            answer = self.answer

        contract_id = str(self.contract_id)

        expected_duration_months: int | None
        expected_duration_months = self.expected_duration_months

        frequency: dict[str, Any] | None
        if isinstance(self.frequency, ChangeRequestViewFrequencyType0):
            frequency = self.frequency.to_dict()
        else:
            frequency = self.frequency

        kind = self.kind

        last_day: None | str
        if isinstance(self.last_day, datetime.date):
            last_day = self.last_day.isoformat()
        else:
            last_day = self.last_day

        new_end: None | str
        if isinstance(self.new_end, datetime.date):
            new_end = self.new_end.isoformat()
        else:
            new_end = self.new_end

        reason = self.reason

        request_id = str(self.request_id)

        requested_at = self.requested_at.isoformat()

        scope: dict[str, Any] | None
        if isinstance(self.scope, ChangeRequestViewScopeType0):
            scope = self.scope.to_dict()
        else:
            scope = self.scope

        status = self.status

        version_in_force = self.version_in_force

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "contract_id": contract_id,
                "expected_duration_months": expected_duration_months,
                "frequency": frequency,
                "kind": kind,
                "last_day": last_day,
                "new_end": new_end,
                "reason": reason,
                "request_id": request_id,
                "requested_at": requested_at,
                "scope": scope,
                "status": status,
                "version_in_force": version_in_force,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.answer_view import AnswerView
        from ..models.change_request_view_frequency_type_0 import (
            ChangeRequestViewFrequencyType0,
        )
        from ..models.change_request_view_scope_type_0 import (
            ChangeRequestViewScopeType0,
        )

        d = dict(src_dict)

        def _parse_answer(data: object) -> AnswerView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                answer_type_0 = AnswerView.from_dict(data)

                return answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnswerView | None, data)

        answer = _parse_answer(d.pop("answer"))

        contract_id = UUID(d.pop("contract_id"))

        def _parse_expected_duration_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        expected_duration_months = _parse_expected_duration_months(
            d.pop("expected_duration_months")
        )

        def _parse_frequency(data: object) -> ChangeRequestViewFrequencyType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                frequency_type_0 = ChangeRequestViewFrequencyType0.from_dict(data)

                return frequency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeRequestViewFrequencyType0 | None, data)

        frequency = _parse_frequency(d.pop("frequency"))

        kind = d.pop("kind")

        def _parse_last_day(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_day_type_0 = datetime.date.fromisoformat(data)

                return last_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_day = _parse_last_day(d.pop("last_day"))

        def _parse_new_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_end_type_0 = datetime.date.fromisoformat(data)

                return new_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        new_end = _parse_new_end(d.pop("new_end"))

        reason = d.pop("reason")

        request_id = UUID(d.pop("request_id"))

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        def _parse_scope(data: object) -> ChangeRequestViewScopeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_0 = ChangeRequestViewScopeType0.from_dict(data)

                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeRequestViewScopeType0 | None, data)

        scope = _parse_scope(d.pop("scope"))

        status = d.pop("status")

        version_in_force = d.pop("version_in_force")

        change_request_view = cls(
            answer=answer,
            contract_id=contract_id,
            expected_duration_months=expected_duration_months,
            frequency=frequency,
            kind=kind,
            last_day=last_day,
            new_end=new_end,
            reason=reason,
            request_id=request_id,
            requested_at=requested_at,
            scope=scope,
            status=status,
            version_in_force=version_in_force,
        )

        change_request_view.additional_properties = d
        return change_request_view

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
