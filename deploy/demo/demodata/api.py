"""The parties' HTTP clients: the municipality's people by token, a provider by its API key."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

T = TypeVar("T")
USERS = {
    "karen": "caseworker",
    "lars": "team_leader",
    "finn": "finance",
    "soendre-skole": "reporter",
    "ops-demo": "ops",
}


class SeedError(RuntimeError):
    """A step the services refused, or an answer that never came over the broker."""


@dataclass
class Tenant:
    name: str
    tenant_id: str
    api_key: str
    measure: str
    price: int
    places: int


class Api:
    def __init__(self, authority: str, provider: str) -> None:
        self.a = httpx.Client(base_url=authority, timeout=30)
        self.p = httpx.Client(base_url=provider, timeout=30)
        self.tokens = {u: self._token(u, r) for u, r in USERS.items()}

    def _token(self, user: str, role: str) -> str:
        body = {"user_id": user, "roles": [role]}
        return str(self.call(self.a, "POST", "/dev/token", {}, json=body)["access_token"])

    def call(
        self, client: httpx.Client, method: str, url: str, headers: dict[str, str], **kw: Any
    ) -> Any:
        response = client.request(method, url, headers=headers, **kw)
        for _ in range(5):  # a step of the service's own (a deadline noted) came in between
            if response.status_code != 409 or "stale_revision" not in response.text:
                break
            time.sleep(0.2)
            response = client.request(method, url, headers=headers, **kw)
        if response.status_code >= 400:
            raise SeedError(f"{method} {url}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else None

    def as_(self, user: str, method: str, url: str, **kw: Any) -> Any:
        """A call to the authority as one of the municipality's people (or the provider API
        as ops)."""
        client = self.p if url.startswith("/admin/") else self.a
        bearer = {"Authorization": f"Bearer {self.tokens[user]}"}
        return self.call(client, method, url, bearer, **kw)

    def peek(self, url: str, user: str = "karen") -> Any:
        """The authority's answer to a GET, or None while it does not know the thing yet."""
        response = self.a.get(url, headers={"Authorization": f"Bearer {self.tokens[user]}"})
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise SeedError(f"GET {url}: {response.status_code} {response.text[:300]}")
        return response.json()

    def cw(self, method: str, url: str, **kw: Any) -> Any:
        return self.as_("karen", method, url, **kw)

    def provider(self, tenant: Tenant, method: str, url: str, **kw: Any) -> Any:
        """A call from the provider's own system, with its API key."""
        return self.call(self.p, method, url, {"X-Api-Key": tenant.api_key}, **kw)

    def provider_get(self, tenant: Tenant, url: str) -> httpx.Response:
        return self.p.get(url, headers={"X-Api-Key": tenant.api_key})


def wait(check: Callable[[], T | None], what: str, timeout: float = 90) -> T:
    """Poll ``check`` until it answers: the other side hears of a step over Kafka."""
    deadline, pause = time.monotonic() + timeout, 0.05
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(pause)
        pause = min(pause * 1.5, 0.5)
    raise SeedError(f"timed out waiting for {what}")
