from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_kind import ChangeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.frequency import Frequency
    from ..models.scope import Scope


T = TypeVar("T", bound="ChangeRequestIn")


@_attrs_define
class ChangeRequestIn:
    """
    Attributes:
        kind (ChangeKind):
        reason (str): Sealed before it leaves
        expected_duration_months (int | None | Unset): extend: the new expected duration from the start
        frequency (Frequency | None | Unset): change_scope: the new hyppighed
        last_day (datetime.date | None | Unset): end_early: the proposed last day
        new_end (datetime.date | None | Unset): extend: the new (later) end
        request_id (UUID | Unset):
        scope (None | Scope | Unset): change_scope: the new omfang
    """

    kind: ChangeKind
    reason: str
    expected_duration_months: int | None | Unset = UNSET
    frequency: Frequency | None | Unset = UNSET
    last_day: datetime.date | None | Unset = UNSET
    new_end: datetime.date | None | Unset = UNSET
    request_id: UUID | Unset = UNSET
    scope: None | Scope | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.frequency import Frequency
        from ..models.scope import Scope

        kind = self.kind.value

        reason = self.reason

        expected_duration_months: int | None | Unset
        if isinstance(self.expected_duration_months, Unset):
            expected_duration_months = UNSET
        else:
            expected_duration_months = self.expected_duration_months

        frequency: dict[str, Any] | None | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        elif isinstance(self.frequency, Frequency):
            frequency = self.frequency.to_dict()
        else:
            frequency = self.frequency

        last_day: None | str | Unset
        if isinstance(self.last_day, Unset):
            last_day = UNSET
        elif isinstance(self.last_day, datetime.date):
            last_day = self.last_day.isoformat()
        else:
            last_day = self.last_day

        new_end: None | str | Unset
        if isinstance(self.new_end, Unset):
            new_end = UNSET
        elif isinstance(self.new_end, datetime.date):
            new_end = self.new_end.isoformat()
        else:
            new_end = self.new_end

        request_id: str | Unset = UNSET
        if not isinstance(self.request_id, Unset):
            request_id = str(self.request_id)

        scope: dict[str, Any] | None | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        elif isinstance(self.scope, Scope):
            scope = self.scope.to_dict()
        else:
            scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "reason": reason,
            }
        )
        if expected_duration_months is not UNSET:
            field_dict["expected_duration_months"] = expected_duration_months
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if last_day is not UNSET:
            field_dict["last_day"] = last_day
        if new_end is not UNSET:
            field_dict["new_end"] = new_end
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.frequency import Frequency
        from ..models.scope import Scope

        d = dict(src_dict)
        kind = ChangeKind(d.pop("kind"))

        reason = d.pop("reason")

        def _parse_expected_duration_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_duration_months = _parse_expected_duration_months(
            d.pop("expected_duration_months", UNSET)
        )

        def _parse_frequency(data: object) -> Frequency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                frequency_type_0 = Frequency.from_dict(data)

                return frequency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Frequency | None | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        def _parse_last_day(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_day_type_0 = datetime.date.fromisoformat(data)

                return last_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_day = _parse_last_day(d.pop("last_day", UNSET))

        def _parse_new_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_end_type_0 = datetime.date.fromisoformat(data)

                return new_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        new_end = _parse_new_end(d.pop("new_end", UNSET))

        _request_id = d.pop("request_id", UNSET)
        request_id: UUID | Unset
        if isinstance(_request_id, Unset):
            request_id = UNSET
        else:
            request_id = UUID(_request_id)

        def _parse_scope(data: object) -> None | Scope | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_0 = Scope.from_dict(data)

                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Scope | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        change_request_in = cls(
            kind=kind,
            reason=reason,
            expected_duration_months=expected_duration_months,
            frequency=frequency,
            last_day=last_day,
            new_end=new_end,
            request_id=request_id,
            scope=scope,
        )

        change_request_in.additional_properties = d
        return change_request_in

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
