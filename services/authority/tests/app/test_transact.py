"""A caseworker who named no revision is not refused because the system appended to the
same stream meanwhile (CI: a provider's start of delivery landed between the caseworker's
load and sign, and the sign came back 409 stale_revision)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import pytest
from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.domain.audit import Actor, Role
from eventkit import ConcurrencyError, NewEvent, UnitOfWork
from eventkit.memory import MemoryEventStore

STREAM = "contract-1"
CASEWORKER = Actor("karen", Role.CASEWORKER)


def noted(what: str) -> list[NewEvent]:
    return [NewEvent("Noted", {"what": what}, metadata={"actor": "test"})]


def kit(store: MemoryEventStore) -> Kit:
    unused = cast(Any, None)
    return Kit(store, unused, unused, unused, unused)


def racing_sign(store: MemoryEventStore) -> tuple[list[int], Any]:
    """A sign that reads the stream, and on its first try finds the system appended since."""
    attempts: list[int] = []

    async def work(uow: UnitOfWork) -> int:
        seen = len(await store.load(STREAM))
        attempts.append(seen)
        if len(attempts) == 1:
            await store.append(STREAM, seen, noted("delivery started"))  # the system, meanwhile
        return await uow.append(STREAM, seen, noted("signed"))

    return attempts, work


async def test_a_sign_without_a_revision_is_decided_again_on_the_new_state() -> None:
    # Given a contract at revision 1, and the system appending while the caseworker signs
    store = MemoryEventStore()
    await store.append(STREAM, 0, noted("drafted"))
    attempts, work = racing_sign(store)
    # When the caseworker signs without naming a revision
    revision = await kit(store).transact(Acting(CASEWORKER, datetime.now(UTC)), work)
    # Then the sign is decided again on revision 2 and lands after the system's event
    assert attempts == [1, 2]
    assert revision == 3
    assert [e.data["what"] for e in await store.load(STREAM)] == [
        "drafted",
        "delivery started",
        "signed",
    ]


async def test_a_sign_that_named_its_revision_is_refused_as_stale() -> None:
    # Given the same race, when the caseworker named revision 1 (If-Match)
    store = MemoryEventStore()
    await store.append(STREAM, 0, noted("drafted"))
    attempts, work = racing_sign(store)
    acting = Acting(CASEWORKER, datetime.now(UTC), expected_revision=1)
    # Then the client's own check holds: a conflict, nothing signed
    with pytest.raises(ConcurrencyError):
        await kit(store).transact(acting, work)
    assert attempts == [1]
    assert [e.data["what"] for e in await store.load(STREAM)] == ["drafted", "delivery started"]
