from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deadline_data_kind import DeadlineDataKind
from ..models.deadline_data_phase import DeadlineDataPhase
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeadlineData")


@_attrs_define
class DeadlineData:
    """
    Attributes:
        deadline_id (UUID):
        due_at (datetime.datetime):
        fired_at (datetime.datetime):
        kind (DeadlineDataKind):
        phase (DeadlineDataPhase):
        contract_id (None | Unset | UUID):
        followup_ref (None | str | Unset): `status_report.due`: the follow-up the report prepares, to name in POST
            /contracts/{contract_id}/status-reports (absent if not yet announced)
        order_id (None | Unset | UUID):
    """

    deadline_id: UUID
    due_at: datetime.datetime
    fired_at: datetime.datetime
    kind: DeadlineDataKind
    phase: DeadlineDataPhase
    contract_id: None | Unset | UUID = UNSET
    followup_ref: None | str | Unset = UNSET
    order_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deadline_id = str(self.deadline_id)

        due_at = self.due_at.isoformat()

        fired_at = self.fired_at.isoformat()

        kind = self.kind.value

        phase = self.phase.value

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        followup_ref: None | str | Unset
        if isinstance(self.followup_ref, Unset):
            followup_ref = UNSET
        else:
            followup_ref = self.followup_ref

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        elif isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deadline_id": deadline_id,
                "due_at": due_at,
                "fired_at": fired_at,
                "kind": kind,
                "phase": phase,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if followup_ref is not UNSET:
            field_dict["followup_ref"] = followup_ref
        if order_id is not UNSET:
            field_dict["order_id"] = order_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deadline_id = UUID(d.pop("deadline_id"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        fired_at = datetime.datetime.fromisoformat(d.pop("fired_at"))

        kind = DeadlineDataKind(d.pop("kind"))

        phase = DeadlineDataPhase(d.pop("phase"))

        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        def _parse_followup_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        followup_ref = _parse_followup_ref(d.pop("followup_ref", UNSET))

        def _parse_order_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        deadline_data = cls(
            deadline_id=deadline_id,
            due_at=due_at,
            fired_at=fired_at,
            kind=kind,
            phase=phase,
            contract_id=contract_id,
            followup_ref=followup_ref,
            order_id=order_id,
        )

        deadline_data.additional_properties = d
        return deadline_data

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
