"""The provider's robot for fault tests: accepts every order it receives, several at a time."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import httpx

from tests.e2e.flows import Tenant

ACCEPTORS = 8  # accepts in flight at once


class AutoAcceptor(threading.Thread):
    """The provider's robot: accepts every received order, ACCEPTORS at a time, riding out
    outages (it waits for one page of answers before it looks again, so none is sent twice)."""

    def __init__(self, tenant: Tenant) -> None:
        super().__init__(daemon=True)
        self.tenant, self.stopping, self.answers = tenant, threading.Event(), Counter[str]()
        self._counting = threading.Lock()

    def run(self) -> None:
        body = {
            "expected_start": str(date.today() + timedelta(days=14)),
            "contact": {"name": "Pia Holm", "email": "pia@familiehuset.example"},
        }

        def accept(order: dict[str, Any]) -> None:
            try:
                answer = self.tenant.client.post(f"/orders/{order['order_id']}/accept", json=body)
                with self._counting:
                    self.answers[f"{answer.status_code}"] += 1
            except httpx.HTTPError:
                pass  # the provider or its database is down: the order shows again

        with ThreadPoolExecutor(max_workers=ACCEPTORS) as pool:
            while not self.stopping.is_set():
                try:
                    received = self.tenant.client.get(
                        "/orders", params={"status": "received", "limit": 500}
                    )
                    page = received.json() if received.status_code == 200 else []
                    list(pool.map(accept, page))
                except httpx.HTTPError:
                    page = []  # the provider or its database is down: try again shortly
                if not page:
                    self.stopping.wait(0.3)

    def __enter__(self) -> AutoAcceptor:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.join(timeout=30)
