from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxOrder")


@_attrs_define
class SandboxOrder:
    """
    Attributes:
        contract_id (None | UUID): The contract offered once accepted
        measure_code (str):
        order_id (UUID):
        order_version (int):
        revision (int):
        status (str): received, accepted or declined
        sandbox (bool | Unset): Always true: an invented object that reaches no authority Default: True.
    """

    contract_id: None | UUID
    measure_code: str
    order_id: UUID
    order_version: int
    revision: int
    status: str
    sandbox: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        measure_code = self.measure_code

        order_id = str(self.order_id)

        order_version = self.order_version

        revision = self.revision

        status = self.status

        sandbox = self.sandbox

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "measure_code": measure_code,
                "order_id": order_id,
                "order_version": order_version,
                "revision": revision,
                "status": status,
            }
        )
        if sandbox is not UNSET:
            field_dict["sandbox"] = sandbox

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        measure_code = d.pop("measure_code")

        order_id = UUID(d.pop("order_id"))

        order_version = d.pop("order_version")

        revision = d.pop("revision")

        status = d.pop("status")

        sandbox = d.pop("sandbox", UNSET)

        sandbox_order = cls(
            contract_id=contract_id,
            measure_code=measure_code,
            order_id=order_id,
            order_version=order_version,
            revision=revision,
            status=status,
            sandbox=sandbox,
        )

        sandbox_order.additional_properties = d
        return sandbox_order

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
