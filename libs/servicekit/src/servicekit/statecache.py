"""Recently folded aggregate states, so a load reads and folds only what came after.

An entry is a hint, never the truth: the reader still asks the store for the stream from the
cached revision on and uses the entry only if the event at that revision is the one it was
folded from (so a rolled-back append, or a writer on another replica, is noticed: the state
is then folded from scratch). Optimistic concurrency still checks every append.

Bounded in entries (least recently used go first) and in age, so a state — which may hold
personal data in clear — does not stay in memory for the life of the process.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

DEFAULT_SIZE = 4096
DEFAULT_MAX_AGE_SECONDS = 300.0


@dataclass(frozen=True)
class Cached:
    state: Any
    revision: int
    event_id: UUID  # the event at ``revision``: what the reader checks the store against
    at: float


class StateCache:
    def __init__(
        self,
        size: int = DEFAULT_SIZE,
        max_age_seconds: float = DEFAULT_MAX_AGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.size, self.max_age, self.clock = size, max_age_seconds, clock
        self._entries: OrderedDict[str, Cached] = OrderedDict()

    def get(self, stream_id: str) -> Cached | None:
        entry = self._entries.get(stream_id)
        if entry is None:
            return None
        if self.clock() - entry.at > self.max_age:
            del self._entries[stream_id]
            return None
        self._entries.move_to_end(stream_id)
        return entry

    def put(self, stream_id: str, state: Any, revision: int, event_id: UUID) -> None:
        self._entries[stream_id] = Cached(state, revision, event_id, self.clock())
        self._entries.move_to_end(stream_id)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def evict(self, stream_id: str) -> None:
        self._entries.pop(stream_id, None)

    def __len__(self) -> int:
        return len(self._entries)
