"""Erasing a child: every case of the child records it, the key goes, the providers learn it.

One transaction: ``ChildDataErased`` on each of the child's cases (the log stays intact),
the key, its lookup and the citizens' index deleted, a ``ChildDataErased`` integration event
per case, and a tombstone on the key topic for every provider that held the key, so
compaction drops the wrapped key from Kafka too.
"""

from __future__ import annotations

from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.domain import DomainError
from authority.domain.case import CaseState, EraseChildData, EraseWithChild


class Erasure:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.aggregate = kit.aggregates.case

    async def erase(self, case_id: UUID, acting: Acting) -> int:
        """Another team leader approves: the revision of ``case_id`` after the erasure; the
        child's other cases follow."""
        child = await self.kit.keyring.child_of(case_id)
        if child is None:
            raise DomainError("case_not_found", "the case does not exist")
        erased = [case_id]
        async with self.kit.store.unit_of_work() as uow:
            revision = await self._erase_case(uow, case_id, child, acting, case_id)
            for other in await self.kit.keyring.store.cases_of(uow.connection, child):
                if other != case_id:
                    await self._erase_case(uow, other, child, acting.without_revision(), case_id)
                    erased.append(other)
            for provider in await self.kit.keyring.shred(uow.connection, child):
                await self.kit.publisher.tombstone(
                    uow, wire.topics.AUTHORITY_CHILD_KEYS, wire.grant_key(provider, child)
                )
        # Again after the commit: a request in between may have primed the old key. The
        # cached states in clear go too (a read would not serve them: it sees the erasure).
        self.kit.keyring.forget(child)
        for erased_case in erased:
            self.aggregate.forget(erased_case)
        return revision

    async def _erase_case(
        self, uow: UnitOfWork, case_id: UUID, child: UUID, acting: Acting, approved_on: UUID
    ) -> int:
        """The case the caller named (``approved_on``) needs the approved request and is
        refused if already erased; the child's other cases follow it, or are skipped."""
        named = case_id == approved_on
        current = await self.aggregate.current(uow, case_id)
        state: CaseState | None = current.state
        if not named and (state is None or state.erased):
            # Erased already, or not a case: a notification of concern sealed with the
            # child's key, which the shredding below erases.
            return current.revision
        command = (
            EraseChildData(**acting.stamp())
            if named
            else EraseWithChild(**acting.stamp(), erased_on=approved_on)
        )
        loaded = None if named else current  # the named case checks the client's revision
        _, ran = await self.kit.run(uow, self.aggregate, case_id, command, acting, loaded)
        erased = wire.ChildDataErased(case_id=case_id, child_id=child)
        await self.kit.publish(uow, acting, erased, ran.revision)
        return ran.revision
