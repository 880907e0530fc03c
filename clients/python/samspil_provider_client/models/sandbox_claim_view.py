from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxClaimView")


@_attrs_define
class SandboxClaimView:
    """
    Attributes:
        claim_id (UUID):
        claim_number (str):
        contract_id (UUID):
        status (str): approved: the sandbox authority approves at once
        sandbox (bool | Unset): Always true: an invented object that reaches no authority Default: True.
    """

    claim_id: UUID
    claim_number: str
    contract_id: UUID
    status: str
    sandbox: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        claim_number = self.claim_number

        contract_id = str(self.contract_id)

        status = self.status

        sandbox = self.sandbox

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "claim_number": claim_number,
                "contract_id": contract_id,
                "status": status,
            }
        )
        if sandbox is not UNSET:
            field_dict["sandbox"] = sandbox

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        claim_number = d.pop("claim_number")

        contract_id = UUID(d.pop("contract_id"))

        status = d.pop("status")

        sandbox = d.pop("sandbox", UNSET)

        sandbox_claim_view = cls(
            claim_id=claim_id,
            claim_number=claim_number,
            contract_id=contract_id,
            status=status,
            sandbox=sandbox,
        )

        sandbox_claim_view.additional_properties = d
        return sandbox_claim_view

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
