from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.follow_up_view import FollowUpView
    from ..models.sandbox_offer import SandboxOffer


T = TypeVar("T", bound="SandboxContract")


@_attrs_define
class SandboxContract:
    """
    Attributes:
        contract_id (UUID):
        countersigned_version (int | None):
        follow_ups (list[FollowUpView]):
        in_force (bool):
        kind (str):
        offer (SandboxOffer):
        order_id (UUID):
        revision (int):
        version (int):
        sandbox (bool | Unset): Always true: an invented object that reaches no authority Default: True.
    """

    contract_id: UUID
    countersigned_version: int | None
    follow_ups: list[FollowUpView]
    in_force: bool
    kind: str
    offer: SandboxOffer
    order_id: UUID
    revision: int
    version: int
    sandbox: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        countersigned_version: int | None
        countersigned_version = self.countersigned_version

        follow_ups = []
        for follow_ups_item_data in self.follow_ups:
            follow_ups_item = follow_ups_item_data.to_dict()
            follow_ups.append(follow_ups_item)

        in_force = self.in_force

        kind = self.kind

        offer = self.offer.to_dict()

        order_id = str(self.order_id)

        revision = self.revision

        version = self.version

        sandbox = self.sandbox

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "countersigned_version": countersigned_version,
                "follow_ups": follow_ups,
                "in_force": in_force,
                "kind": kind,
                "offer": offer,
                "order_id": order_id,
                "revision": revision,
                "version": version,
            }
        )
        if sandbox is not UNSET:
            field_dict["sandbox"] = sandbox

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.follow_up_view import FollowUpView
        from ..models.sandbox_offer import SandboxOffer

        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        def _parse_countersigned_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        countersigned_version = _parse_countersigned_version(
            d.pop("countersigned_version")
        )

        follow_ups = []
        _follow_ups = d.pop("follow_ups")
        for follow_ups_item_data in _follow_ups:
            follow_ups_item = FollowUpView.from_dict(follow_ups_item_data)

            follow_ups.append(follow_ups_item)

        in_force = d.pop("in_force")

        kind = d.pop("kind")

        offer = SandboxOffer.from_dict(d.pop("offer"))

        order_id = UUID(d.pop("order_id"))

        revision = d.pop("revision")

        version = d.pop("version")

        sandbox = d.pop("sandbox", UNSET)

        sandbox_contract = cls(
            contract_id=contract_id,
            countersigned_version=countersigned_version,
            follow_ups=follow_ups,
            in_force=in_force,
            kind=kind,
            offer=offer,
            order_id=order_id,
            revision=revision,
            version=version,
            sandbox=sandbox,
        )

        sandbox_contract.additional_properties = d
        return sandbox_contract

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
