"""The receiver report: how the kit learns what a receiver *did* with a delivery.

A receiver under test exposes ``GET <report url>`` answering JSON

    {"applied": {"<Samspil-Webhook-Id>": <times applied>, ...},
     "versions": {"<order_id or contract_id>": <the version the receiver holds>, ...}}

(the reference receiver serves it at ``/webhooks/report``). Only a test receiver needs it.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True, slots=True)
class ReceiverReport:
    applied: dict[str, int]
    versions: dict[str, int]


async def read_report(client: httpx.AsyncClient, url: str) -> ReceiverReport:
    """The report; ValueError (saying why) if it cannot be read or has the wrong shape."""
    try:
        response = await client.get(url)
        found = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ValueError(f"receiver report unreadable: {type(exc).__name__}") from None
    if response.status_code != 200 or not isinstance(found, dict):
        raise ValueError(f"receiver report answers {response.status_code}")
    applied, versions = found.get("applied", {}), found.get("versions", {})
    if not isinstance(applied, dict) or not isinstance(versions, dict):
        raise ValueError("receiver report: applied and versions must be objects")
    return ReceiverReport(
        {str(k): int(v) for k, v in applied.items()}, {str(k): int(v) for k, v in versions.items()}
    )
