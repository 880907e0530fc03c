"""Names, not ids: who a user id is, from the directory of users (name and title from the
identity provider's claims at sign-in, the team from the caseworker's team).

Each signed-in page reads the directory once through a short cache (the staff of one
municipality: hundreds of rows), so a new name shows within seconds on every instance; a sign-in
whose claims changed writes them and empties this instance's cache. The services that act
(``/samspil/provider`` and the like) are named in words.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from fastapi import Request
from servicekit.auth import Principal

from authority.app.readmodels import Person
from authority.entrypoints.web.i18n import Translate

TTL_SECONDS = 30.0
SYSTEMS = ("provider", "scheduler", "authority")


class People:
    def __init__(self) -> None:
        self.known: dict[str, Person] = {}
        self.loaded_at = -TTL_SECONDS

    async def everyone(self, request: Request) -> dict[str, Person]:
        if time.monotonic() - self.loaded_at >= TTL_SECONDS:
            self.known = await request.app.state.reads.people.everyone()
            self.loaded_at = time.monotonic()
        return self.known

    async def remember(self, request: Request, user_id: str, name: str, title: str | None) -> None:
        """Record ``name`` and ``title`` unless the directory already says so."""
        found = (await self.everyone(request)).get(user_id)
        if found is None or (found.name, found.title) != (name, title):
            await request.app.state.reads.people.record(user_id, name, title, datetime.now(UTC))
            self.loaded_at = -TTL_SECONDS


def people_of(request: Request) -> People:
    found = getattr(request.app.state, "people", None)
    if found is None:
        found = request.app.state.people = People()
    return found


async def on_sign_in(request: Request, principal: Principal) -> None:
    """Keep the directory true to the claims, and hand the page the names it may show."""
    people = people_of(request)
    if principal.name:
        await people.remember(request, principal.user_id, principal.name, principal.title)
    request.state.people = await people.everyone(request)


def name_of(people: dict[str, Person], t: Translate, user_id: str | None) -> str:
    """The user's name, a service's name in words, or the id itself when unknown."""
    if not user_id:
        return ""
    system = user_id.removeprefix("/samspil/")
    if user_id.startswith("/samspil/") and system in SYSTEMS:
        return t(f"system.{system}")
    found = people.get(user_id)
    return found.name if found else user_id


def described(people: dict[str, Person], t: Translate, user_id: str | None, role: str) -> str:
    """Name with title and team, e.g. "Karen Holm (Sagsbehandler, Team Nord)"; a service by
    its name only; an unknown id with the role it acted in, if any."""
    found = people.get(user_id or "")
    if found is None:
        name = name_of(people, t, user_id)
        system = (user_id or "").startswith("/samspil/")
        return name if system or not role else t("timeline.who", who=name or "-", role=role)
    about = ", ".join(x for x in (found.title or role, found.team) if x)
    return f"{found.name} ({about})" if about else found.name
