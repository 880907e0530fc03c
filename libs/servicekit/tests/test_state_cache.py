"""Cached aggregate states: loads fold only what came after, checked against the store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import uuid4

import pytest
from eventkit import EventStore, RecordedEvent
from servicekit import db
from servicekit.aggregates import Aggregate, EventCodec
from servicekit.statecache import StateCache


@dataclass(frozen=True)
class Add:
    n: int


@dataclass(frozen=True)
class Added:
    n: int


class Counting(EventCodec[Added]):
    """Counts the events it decodes: what a load had to read and fold."""

    def __init__(self) -> None:
        super().__init__([Added])
        self.decoded = 0

    def load(self, recorded: RecordedEvent) -> Added:
        self.decoded += 1
        return super().load(recorded)


Total = Aggregate[Add, Added, int]


def total(cache: StateCache | None, cacheable: Callable[[int], bool] = lambda _: True) -> Total:
    return Total(
        "total",
        lambda command, _: [Added(command.n)],
        lambda state, event: (state or 0) + event.n,
        Counting(),
        cache,
        cacheable,
    )


@pytest.fixture
async def store(new_database_url: Callable[[str], str]) -> AsyncIterator[EventStore]:
    engine = db.engine_for(new_database_url("statecache"))
    store = EventStore(engine)
    await store.create_schema()
    yield store
    await engine.dispose()


async def add(store: EventStore, aggregate: Total, *ns: int) -> None:
    for n in ns:
        async with store.unit_of_work() as uow:
            await aggregate.execute(uow, "t", Add(n), {})


def decoded(aggregate: Total) -> int:
    assert isinstance(aggregate.codec, Counting)
    return aggregate.codec.decoded


async def test_a_cached_state_folds_only_the_events_after_it(store: EventStore) -> None:
    # given a stream of three events, loaded once (a miss: all three folded)
    aggregate = total(StateCache())
    await add(store, aggregate, 1, 2, 3)
    assert (await aggregate.load(store, "t")).state == 6
    before = decoded(aggregate)
    # when another writer appends two more and it is loaded again, alone and in a unit of work
    await add(store, total(None), 4, 5)
    alone = await aggregate.load(store, "t")
    async with store.unit_of_work() as uow:
        in_uow = await aggregate.current(uow, "t")
    # then both see all five, having decoded only the two new ones once, then none
    assert (alone.state, alone.revision) == (in_uow.state, in_uow.revision) == (15, 5)
    assert decoded(aggregate) - before == 2


async def test_another_writers_appends_are_read_from_the_store(store: EventStore) -> None:
    # given two replicas, each with its own cache, both having read the stream
    mine, theirs = total(StateCache()), total(StateCache())
    await add(store, mine, 1)
    assert (await mine.load(store, "t")).state == (await theirs.load(store, "t")).state == 1
    # when the other replica appends
    await add(store, theirs, 10)
    # then this one's next load sees it, and appending at its revision works
    assert (await mine.load(store, "t")).state == 11
    await add(store, mine, 100)
    assert (await theirs.load(store, "t")).state == 111


async def fail_after_appending(store: EventStore, aggregate: Total) -> None:
    async with store.unit_of_work() as uow:
        await aggregate.execute(uow, "t", Add(2), {})
        assert (await aggregate.current(uow, "t")).state == 3  # cached at revision 2
        raise RuntimeError("the request fails")


async def test_a_state_cached_from_a_rolled_back_append_is_not_trusted(store: EventStore) -> None:
    # given a state cached inside a transaction that appended, then rolled back
    aggregate = total(StateCache())
    await add(store, aggregate, 1)
    with pytest.raises(RuntimeError):
        await fail_after_appending(store, aggregate)
    # when another writer then appends a different event at that revision
    await add(store, total(None), 40)
    # then the load does not build on the rolled-back event
    loaded = await aggregate.load(store, "t")
    assert (loaded.state, loaded.revision) == (41, 2)


async def test_a_state_that_may_not_be_kept_is_read_afresh(store: EventStore) -> None:
    # given a cache that keeps only totals below 10, holding the total 3
    cache = StateCache()
    aggregate = total(cache, cacheable=lambda state: state < 10)
    await add(store, aggregate, 3)
    await aggregate.load(store, "t")
    # when another writer's append makes the total 13
    await add(store, total(None), 10)
    # then the load folds the whole stream, and nothing of it stays cached
    before = decoded(aggregate)
    assert (await aggregate.load(store, "t")).state == 13
    assert decoded(aggregate) - before == 1 + 2  # the new event, then the whole stream
    assert len(cache) == 0


async def test_a_commands_own_append_leaves_its_state_cached(store: EventStore) -> None:
    # given a stream read once
    aggregate = total(StateCache())
    await add(store, aggregate, 1)
    await aggregate.load(store, "t")
    before = decoded(aggregate)
    # when this replica appends twice and loads again
    await add(store, aggregate, 2, 3)
    loaded = await aggregate.load(store, "t")
    # then it decoded nothing: each append left the state it led to in the cache
    assert (loaded.state, loaded.revision) == (6, 3)
    assert decoded(aggregate) == before


async def test_the_past_is_never_read_from_the_cache(store: EventStore) -> None:
    aggregate = total(StateCache())
    await add(store, aggregate, 1)
    await aggregate.load(store, "t")
    before = decoded(aggregate)
    await aggregate.load(store, "t", as_of=datetime.now(UTC))
    assert decoded(aggregate) - before == 1


def test_the_least_recently_used_and_the_old_entries_go() -> None:
    # given a cache of two entries that keeps them 10 seconds
    now = [0.0]
    cache = StateCache(size=2, max_age_seconds=10.0, clock=lambda: now[0])
    cache.put("a", 1, 1, uuid4())
    cache.put("b", 2, 1, uuid4())
    # when "a" is used and a third stream is cached
    assert cache.get("a") is not None
    cache.put("c", 3, 1, uuid4())
    # then "b" made room; and after 10 seconds nothing is served
    assert cache.get("b") is None
    assert cache.get("a") is not None
    assert cache.get("c") is not None
    now[0] = 10.5
    assert cache.get("a") is None
    assert cache.get("c") is None
    assert len(cache) == 0
