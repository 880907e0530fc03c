"""When to try a failed webhook again, and when to give up."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

Jitter = Callable[[timedelta], timedelta]


def spread(delay: timedelta) -> timedelta:
    """Default jitter: 75-100 % of the delay, so failing tenants do not retry in lockstep."""
    return delay * random.uniform(0.75, 1.0)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 8
    base_delay: timedelta = timedelta(seconds=1)
    max_delay: timedelta = timedelta(hours=1)
    jitter: Jitter = spread

    def gives_up_after(self, attempts: int) -> bool:
        return attempts >= self.max_attempts

    def delay_after(self, failed_attempts: int) -> timedelta:
        """Delay after the n-th failure (n from 1): base, 2 x base, 4 x base ... capped."""
        delay = self.base_delay * 2 ** min(failed_attempts - 1, 32)
        return self.jitter(min(self.max_delay, delay))
