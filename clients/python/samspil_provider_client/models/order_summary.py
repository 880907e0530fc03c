from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_summary_snapshot_type_0 import OrderSummarySnapshotType0


T = TypeVar("T", bound="OrderSummary")


@_attrs_define
class OrderSummary:
    """
    Attributes:
        answer_deadline (datetime.date | None): `answer_due_at` as a date in Copenhagen; null when it is
        answer_deadline_status (str): pending (the scheduler has not announced it yet), open, met or cancelled
        answer_due_at (datetime.datetime | None): The answer deadline, the scheduler's (the municipality's working-day
            rule, e.g. 5 working days, 09:00 Copenhagen time): null while `pending`, and after it was cancelled. A changed
            order gets a new one (webhook `order.answer_deadline`)
        measure_code (None | str):
        order_id (UUID):
        order_version (int): The authority's order version (webhook `version`)
        revision (int): Send as If-Match / expected_revision when answering
        snapshot (None | OrderSummarySnapshotType0):
        status (str): received, accepted, declined, withdrawn, ...
        free_places (int | None | Unset):
    """

    answer_deadline: datetime.date | None
    answer_deadline_status: str
    answer_due_at: datetime.datetime | None
    measure_code: None | str
    order_id: UUID
    order_version: int
    revision: int
    snapshot: None | OrderSummarySnapshotType0
    status: str
    free_places: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.order_summary_snapshot_type_0 import OrderSummarySnapshotType0

        answer_deadline: None | str
        if isinstance(self.answer_deadline, datetime.date):
            answer_deadline = self.answer_deadline.isoformat()
        else:
            answer_deadline = self.answer_deadline

        answer_deadline_status = self.answer_deadline_status

        answer_due_at: None | str
        if isinstance(self.answer_due_at, datetime.datetime):
            answer_due_at = self.answer_due_at.isoformat()
        else:
            answer_due_at = self.answer_due_at

        measure_code: None | str
        measure_code = self.measure_code

        order_id = str(self.order_id)

        order_version = self.order_version

        revision = self.revision

        snapshot: dict[str, Any] | None
        if isinstance(self.snapshot, OrderSummarySnapshotType0):
            snapshot = self.snapshot.to_dict()
        else:
            snapshot = self.snapshot

        status = self.status

        free_places: int | None | Unset
        if isinstance(self.free_places, Unset):
            free_places = UNSET
        else:
            free_places = self.free_places

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer_deadline": answer_deadline,
                "answer_deadline_status": answer_deadline_status,
                "answer_due_at": answer_due_at,
                "measure_code": measure_code,
                "order_id": order_id,
                "order_version": order_version,
                "revision": revision,
                "snapshot": snapshot,
                "status": status,
            }
        )
        if free_places is not UNSET:
            field_dict["free_places"] = free_places

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.order_summary_snapshot_type_0 import OrderSummarySnapshotType0

        d = dict(src_dict)

        def _parse_answer_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answer_deadline_type_0 = datetime.date.fromisoformat(data)

                return answer_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        answer_deadline = _parse_answer_deadline(d.pop("answer_deadline"))

        answer_deadline_status = d.pop("answer_deadline_status")

        def _parse_answer_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answer_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return answer_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answer_due_at = _parse_answer_due_at(d.pop("answer_due_at"))

        def _parse_measure_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        measure_code = _parse_measure_code(d.pop("measure_code"))

        order_id = UUID(d.pop("order_id"))

        order_version = d.pop("order_version")

        revision = d.pop("revision")

        def _parse_snapshot(data: object) -> None | OrderSummarySnapshotType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                snapshot_type_0 = OrderSummarySnapshotType0.from_dict(data)

                return snapshot_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderSummarySnapshotType0, data)

        snapshot = _parse_snapshot(d.pop("snapshot"))

        status = d.pop("status")

        def _parse_free_places(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        free_places = _parse_free_places(d.pop("free_places", UNSET))

        order_summary = cls(
            answer_deadline=answer_deadline,
            answer_deadline_status=answer_deadline_status,
            answer_due_at=answer_due_at,
            measure_code=measure_code,
            order_id=order_id,
            order_version=order_version,
            revision=revision,
            snapshot=snapshot,
            status=status,
            free_places=free_places,
        )

        order_summary.additional_properties = d
        return order_summary

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
