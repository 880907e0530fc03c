"""Sharing a document of the case file with the provider of a contract on the case.

The only way a document leaves the authority: a caseworker shares it, on a contract the
case has (not terminated), with that contract's provider. Its name and bytes travel sealed
with the child's key (the provider was granted it with the order), bound to the document id.
"""

from __future__ import annotations

from uuid import UUID

import samspil_contracts as wire
from servicekit.crypto import seal

from authority.app.acting import Acting
from authority.app.casefiles import CaseFiles
from authority.app.keyring import kid_for
from authority.domain import DomainError
from authority.domain.casefile import ShareDocument
from authority.domain.contract import ContractState


class Sharing:
    def __init__(self, files: CaseFiles) -> None:
        self.files, self.kit = files, files.kit

    async def share(self, case_id: UUID, document_id: UUID, contract_id: UUID, a: Acting) -> int:
        contract: ContractState | None = (
            await self.kit.load(self.kit.aggregates.contract, contract_id)
        ).state
        if contract is None or contract.case_id != case_id:
            raise DomainError("contract_not_found", "no such contract on this case")
        if contract.ended:
            raise DomainError("contract_terminated", "the contract has ended")
        document, data = await self.files.read(case_id, document_id)
        if document.size > wire.MAX_SHARED_BYTES:
            raise DomainError("document_too_large_to_share", "a shared document is at most 512 KiB")
        child_key = await self.kit.keyring.key_for(case_id)
        key, aad = child_key.value(), str(document_id).encode()

        def sealed(plain: bytes) -> wire.Sealed:
            return wire.Sealed.model_validate(seal(key, kid_for(child_key.child_id), plain, aad))

        async with self.kit.store.unit_of_work() as uow:
            command = ShareDocument(**a.stamp(), document_id=document_id, contract_id=contract_id)
            _, ran = await self.kit.run(uow, self.files.aggregate, case_id, command, a)
            shared = wire.DocumentShared(
                contract_id=contract_id,
                case_id=case_id,
                provider_id=contract.provider_id,
                document_id=document_id,
                media_type=document.media_type,
                size=document.size,
                sha256=document.sha256,
                filename=sealed(document.filename.encode()),
                content=sealed(data),
                shared_at=a.at,
            )
            await self.kit.publish(uow, a, shared, ran.revision)
            return ran.revision
