"""Records as producers could spoil them, as hypothesis strategies.

Each spoilt record is built from a genuine one of a type the consumer handles (so it
reaches as far into the pipeline as that kind of damage lets it): random bytes, JSON
that is huge, deep, not an object or of the wrong shape, headers missing, duplicated,
unknown or not UTF-8, unknown types and versions, and a value over 1 MiB (sent
compressed, as a producer with a higher limit could).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

Headers = list[tuple[str, bytes]]
MARKER = "x-fuzz-id"  # every record carries its id: found again on the DLQ by it
OVER_A_MEBIBYTE = 1024 * 1024 + 4096


@dataclass
class Record:
    """One record to produce; ``poison`` says why it must end on the DLQ (None: it is
    valid and must be applied once)."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Headers
    poison: str | None = None
    event_id: str | None = None  # a valid record's event id
    fuzz_id: str = ""
    options: dict[str, Any] = field(default_factory=dict)  # producer options it needs


def _header(headers: Headers, name: str) -> bytes | None:
    return next((v for k, v in headers if k == name), None)


def _without(headers: Headers, name: str) -> Headers:
    return [(k, v) for k, v in headers if k != name]


def _swap(headers: Headers, name: str, value: bytes) -> Headers:
    return [*_without(headers, name), (name, value)]


# Ways to spoil a genuine record: name -> (headers, value) -> (headers, value)
SPOILERS: dict[str, Any] = {
    "random bytes": lambda h, v, b: (h, b),
    "random headers": lambda h, v, b: ([(f"h{n}", b[n : n + 3]) for n in range(3)], v),
    "no headers": lambda h, v, b: ([], v),
    "deep JSON": lambda h, v, b: (h, b"[" * 50_000 + b"]" * 50_000),
    "deep object": lambda h, v, b: (h, b'{"a":' * 5_000 + b"1" + b"}" * 5_000),
    "huge number": lambda h, v, b: (h, b'{"n": ' + b"7" * 20_000 + b"}"),
    "not an object": lambda h, v, b: (h, b"[1, 2, 3]"),
    "wrong shape": lambda h, v, b: (h, b'{"unexpected": true}'),
    "truncated": lambda h, v, b: (h, v[: max(1, len(v) // 2)]),
    "non-UTF-8 ce_subject": lambda h, v, b: (_swap(h, "ce_subject", b"\xff\xfe" + b), v),
    "non-UTF-8 ce_type": lambda h, v, b: (_swap(h, "ce_type", b"\xc3\x28"), v),
    "missing ce_id": lambda h, v, b: (_without(h, "ce_id"), v),
    "duplicate ce_type": lambda h, v, b: ([*h, ("ce_type", _header(h, "ce_type") or b"")], v),
    "unknown type": lambda h, v, b: (_swap(h, "ce_type", b"dk.samspil.fuzz.unknown"), v),
    "newer version": lambda h, v, b: (_swap(h, "ce_schemaversion", b"99"), v),
    "bad version": lambda h, v, b: (_swap(h, "ce_schemaversion", b"\x00\xff"), v),
    "wrong content type": lambda h, v, b: (_swap(h, "content-type", b"application/x-\xff"), v),
    "oversize": lambda h, v, b: (h, b'{"pad": "' + b"a" * OVER_A_MEBIBYTE + b'"}'),
}


def spoilt(genuine: Record, how: str, noise: bytes) -> Record:
    headers, value = SPOILERS[how](list(genuine.headers), genuine.value, noise)
    options = {"compression_type": "gzip", "max_request_size": 4 * 1024 * 1024}
    return Record(
        genuine.topic,
        genuine.key,
        value,
        headers,
        poison=how,
        options=options if how == "oversize" else {},
    )


def poison_of(genuine: st.SearchStrategy[Record]) -> st.SearchStrategy[Record]:
    """A spoilt copy of a genuine record, spoilt in one of the ways above."""
    return st.builds(
        spoilt, genuine, st.sampled_from(sorted(SPOILERS)), st.binary(min_size=3, max_size=64)
    )


def batches(
    valid: st.SearchStrategy[Record],
    bad: st.SearchStrategy[Record],
    max_size: int = 10,
) -> st.SearchStrategy[list[Record]]:
    """Valid and bad records interleaved, at least one of each kind."""
    return st.lists(st.one_of(valid, bad), min_size=2, max_size=max_size).filter(
        lambda rs: any(r.poison for r in rs) and any(not r.poison for r in rs)
    )
