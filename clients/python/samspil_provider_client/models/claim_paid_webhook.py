from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.claim_paid_data import ClaimPaidData


T = TypeVar("T", bound="ClaimPaidWebhook")


@_attrs_define
class ClaimPaidWebhook:
    """
    Attributes:
        created_at (datetime.datetime):
        data (ClaimPaidData):
        id (UUID): The causing event's id
        tenant_id (UUID):
        type_ (str): The event type (the key under `webhooks`)
    """

    created_at: datetime.datetime
    data: ClaimPaidData
    id: UUID
    tenant_id: UUID
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        id = str(self.id)

        tenant_id = str(self.tenant_id)

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "data": data,
                "id": id,
                "tenant_id": tenant_id,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.claim_paid_data import ClaimPaidData

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data = ClaimPaidData.from_dict(d.pop("data"))

        id = UUID(d.pop("id"))

        tenant_id = UUID(d.pop("tenant_id"))

        type_ = d.pop("type")

        claim_paid_webhook = cls(
            created_at=created_at,
            data=data,
            id=id,
            tenant_id=tenant_id,
            type_=type_,
        )

        claim_paid_webhook.additional_properties = d
        return claim_paid_webhook

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
