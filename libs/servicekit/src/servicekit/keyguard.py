"""Which secret keys production must refuse: the ones an attacker could know or guess.

A key is refused when it is short, low in entropy, equal to another key of the same service,
or equal to a value checked into the Samspil repository (development placeholders, examples
in docs and manifests: public, so worthless). ``deploy/tests/test_keyguard.py`` scans the
repository for such values and fails when one is missing from :data:`PUBLISHED`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

MIN_LENGTH = 32  # a base64url 32-byte key is 43 characters
MIN_BITS_PER_CHAR = 3.5  # random base64 is about 4.5 and more; "aaaa…" or "abab…" is not
# Every secret-like value checked into the repository (dev overlay, compose defaults, docs).
PUBLISHED = frozenset(
    {
        "dev-only-secret-change-me-0123456789abcdef",  # servicekit.settings.DEV_JWT_SECRET
        "ZGV2LW9ubHktdHJhbnNwb3J0LW1hc3Rlci1rZXktMzI",  # servicekit.settings.DEV_TRANSPORT_MASTER
        "ZGV2LW9ubHktdHJhbnNwb3J0LWtleS0zMi1ieXRlcyE",  # deploy/k8s/overlays/dev TRANSPORT
        "ZGV2LW9ubHktY2FzZS1kYXRhLWtleS0zMi1ieXRlcyE",  # deploy/k8s/overlays/dev DATA_MASTER
        "dev-only-change-me",  # deploy/k8s/overlays/dev database password
        "samspil",  # devstack's and compose's PostgreSQL password
    }
)


def bits_per_char(value: str) -> float:
    """Shannon entropy of the value's characters: a cheap test for typed or patterned keys."""
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def weaknesses(keys: Mapping[str, str], published: frozenset[str] = PUBLISHED) -> list[str]:
    """What is wrong with ``keys`` (setting name -> value); empty when all are fit to use."""
    problems = []
    for name, value in keys.items():
        if value in published:
            problems.append(f"{name} is a value published in the Samspil repository")
        elif len(value) < MIN_LENGTH:
            problems.append(f"{name} is shorter than {MIN_LENGTH} characters")
        elif bits_per_char(value) < MIN_BITS_PER_CHAR:
            problems.append(f"{name} has too little entropy (repeated or patterned characters)")
    first: dict[str, str] = {}
    for name, value in keys.items():
        if value in first:
            problems.append(f"{name} equals {first[value]}: each key must be its own")
        first.setdefault(value, name)
    return problems
