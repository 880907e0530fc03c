from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract_summary_notice_type_0 import ContractSummaryNoticeType0
    from ..models.contract_summary_terms import ContractSummaryTerms


T = TypeVar("T", bound="ContractSummary")


@_attrs_define
class ContractSummary:
    """
    Attributes:
        contract_id (UUID):
        countersigned_version (int | None):
        in_force (bool): Also under notice, through its last day
        kind (str): individual or standard
        order_id (None | UUID):
        revision (int):
        terms (ContractSummaryTerms):
        version (int):
        ended (bool | Unset): The last day under notice has passed Default: False.
        notice (ContractSummaryNoticeType0 | None | Unset): Notice given by either party: given_by, reason_code,
            last_day, ...
    """

    contract_id: UUID
    countersigned_version: int | None
    in_force: bool
    kind: str
    order_id: None | UUID
    revision: int
    terms: ContractSummaryTerms
    version: int
    ended: bool | Unset = False
    notice: ContractSummaryNoticeType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_summary_notice_type_0 import ContractSummaryNoticeType0

        contract_id = str(self.contract_id)

        countersigned_version: int | None
        countersigned_version = self.countersigned_version

        in_force = self.in_force

        kind = self.kind

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        revision = self.revision

        terms = self.terms.to_dict()

        version = self.version

        ended = self.ended

        notice: dict[str, Any] | None | Unset
        if isinstance(self.notice, Unset):
            notice = UNSET
        elif isinstance(self.notice, ContractSummaryNoticeType0):
            notice = self.notice.to_dict()
        else:
            notice = self.notice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "countersigned_version": countersigned_version,
                "in_force": in_force,
                "kind": kind,
                "order_id": order_id,
                "revision": revision,
                "terms": terms,
                "version": version,
            }
        )
        if ended is not UNSET:
            field_dict["ended"] = ended
        if notice is not UNSET:
            field_dict["notice"] = notice

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contract_summary_notice_type_0 import ContractSummaryNoticeType0
        from ..models.contract_summary_terms import ContractSummaryTerms

        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        def _parse_countersigned_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        countersigned_version = _parse_countersigned_version(
            d.pop("countersigned_version")
        )

        in_force = d.pop("in_force")

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

        revision = d.pop("revision")

        terms = ContractSummaryTerms.from_dict(d.pop("terms"))

        version = d.pop("version")

        ended = d.pop("ended", UNSET)

        def _parse_notice(data: object) -> ContractSummaryNoticeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notice_type_0 = ContractSummaryNoticeType0.from_dict(data)

                return notice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContractSummaryNoticeType0 | None | Unset, data)

        notice = _parse_notice(d.pop("notice", UNSET))

        contract_summary = cls(
            contract_id=contract_id,
            countersigned_version=countersigned_version,
            in_force=in_force,
            kind=kind,
            order_id=order_id,
            revision=revision,
            terms=terms,
            version=version,
            ended=ended,
            notice=notice,
        )

        contract_summary.additional_properties = d
        return contract_summary

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
