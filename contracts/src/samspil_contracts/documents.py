"""A document from the child's case file, shared with the provider of a contract.

A document never leaves the authority unless a caseworker shares it with the provider of a
contract on the child's case. Then its name and its bytes travel sealed with the child's
own key (``kid`` ``child:<id>``, aad the document id), which the provider holds for the
child: erasing the child erases every copy. The bytes ride in the record, so a shared
document is at most ``MAX_SHARED_BYTES``.
"""

from typing import Annotated, ClassVar, Literal
from uuid import UUID

from pydantic import AwareDatetime, Field

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.sealed import Sealed

MAX_SHARED_BYTES = 512 * 1024  # sealed and base64url-encoded it stays well under 1 MiB


class DocumentShared(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.contract.document_shared"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CONTRACTS

    contract_id: UUID
    case_id: UUID
    provider_id: UUID
    document_id: UUID
    media_type: Literal["application/pdf", "image/png", "image/jpeg"]
    size: Annotated[int, Field(ge=1, le=MAX_SHARED_BYTES)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    filename: Sealed
    content: Sealed  # the bytes, sealed: the ciphertext is base64url
    shared_at: AwareDatetime
