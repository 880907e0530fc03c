from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SharedDocumentSummary")


@_attrs_define
class SharedDocumentSummary:
    """
    Attributes:
        contract_id (UUID):
        document_id (UUID):
        filename (str): `[erased]` once the child's data is erased
        media_type (str):
        sha256 (str):
        shared_at (datetime.datetime):
        size (int):
    """

    contract_id: UUID
    document_id: UUID
    filename: str
    media_type: str
    sha256: str
    shared_at: datetime.datetime
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        document_id = str(self.document_id)

        filename = self.filename

        media_type = self.media_type

        sha256 = self.sha256

        shared_at = self.shared_at.isoformat()

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "document_id": document_id,
                "filename": filename,
                "media_type": media_type,
                "sha256": sha256,
                "shared_at": shared_at,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        document_id = UUID(d.pop("document_id"))

        filename = d.pop("filename")

        media_type = d.pop("media_type")

        sha256 = d.pop("sha256")

        shared_at = datetime.datetime.fromisoformat(d.pop("shared_at"))

        size = d.pop("size")

        shared_document_summary = cls(
            contract_id=contract_id,
            document_id=document_id,
            filename=filename,
            media_type=media_type,
            sha256=sha256,
            shared_at=shared_at,
            size=size,
        )

        shared_document_summary.additional_properties = d
        return shared_document_summary

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
