"""The case codec fetches the child's key itself: nothing can read a case "unprimed", and a
missing key either is an erasure (the case's child is known, its key is gone) or raises."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import get_args
from uuid import UUID, uuid4

import pytest
from authority.app.keyring import Keyring
from authority.app.personal import ERASED_NAME, PersonalCodec
from authority.domain import Actor, Role
from authority.domain.case import CaseEvent, CaseOpened, Cpr, Custody, CustodyHolder, Person
from eventkit import MemoryEventStore, RecordedEvent
from servicekit.crypto import KeyMissing, new_key

AT = datetime(2027, 3, 1, 9, tzinfo=UTC)
CHILD = Person("Invented Child", Cpr("0102034321"))


class KeyStore:
    """Keys and case → child links in memory, as the key table and its lookup hold them."""

    def __init__(self) -> None:
        self.keys: dict[UUID, bytes] = {}
        self.children: dict[UUID, UUID] = {}

    async def load(self, child_id: UUID) -> bytes | None:
        return self.keys.get(child_id)

    async def child_of(self, case_id: UUID) -> UUID | None:
        return self.children.get(case_id)


def codec(keys: KeyStore) -> PersonalCodec:
    return PersonalCodec(get_args(CaseEvent), Keyring(keys))  # type: ignore[arg-type]


async def stored_case(keys: KeyStore) -> tuple[UUID, list[RecordedEvent]]:
    """A case opened and stored through the codec (its persons sealed), its child linked."""
    case_id, child_id = uuid4(), uuid4()
    keys.keys[child_id], keys.children[case_id] = new_key(), child_id
    opened = CaseOpened(
        actor=Actor("cw-1", Role.CASEWORKER),
        at=AT,
        case_id=case_id,
        child=CHILD,
        parents=(),
        custody=Custody(CustodyHolder.JOINT),
        contact_person="cw-1",
        caseworker_id="cw-1",
    )
    store = MemoryEventStore()
    await store.append(f"case-{case_id}", 0, await codec(keys).encode([opened], {}))
    recorded = await store.load(f"case-{case_id}")
    assert "Invented" not in str(recorded[0].data)  # sealed at rest
    return case_id, recorded


async def test_a_case_read_by_a_keyring_that_fetched_nothing_opens_in_clear() -> None:
    # Given a case stored by one process, and another process's keyring that fetched nothing
    keys = KeyStore()
    _, recorded = await stored_case(keys)
    # When the other process reads the case
    [opened] = await codec(keys).decode(recorded)
    # Then it fetched the key itself: the child is in clear, not a placeholder
    assert opened.child == CHILD


async def test_an_erased_childs_case_reads_with_placeholders() -> None:
    # Given a case whose child's key was erased (the link to the child stays)
    keys = KeyStore()
    case_id, recorded = await stored_case(keys)
    del keys.keys[keys.children[case_id]]
    # When it is read, then the persons are the erasure's placeholders
    [opened] = await codec(keys).decode(recorded)
    assert opened.child.name == ERASED_NAME


async def test_a_key_missing_for_another_reason_raises_and_never_reads_as_erased() -> None:
    # Given a case whose child is not linked (not an erasure: erasing keeps the link)
    keys = KeyStore()
    case_id, recorded = await stored_case(keys)
    del keys.children[case_id]
    # When it is read, then the read fails loudly
    with pytest.raises(KeyMissing):
        await codec(keys).decode(recorded)


async def test_the_synchronous_path_refuses_sealed_persons_rather_than_guess() -> None:
    keys = KeyStore()
    _, recorded = await stored_case(keys)
    with pytest.raises(TypeError, match="fetched key"):
        codec(keys).load(recorded[0])
