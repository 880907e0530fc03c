"""Where a webhook may go: a public address, over https, resolved and pinned per delivery.

A tenant chooses its endpoint's URL, so without this the service would POST wherever it is
told: to ``localhost``, to the cloud's metadata address, to a database in the private
network (server-side request forgery), and the delivery log would say what answered. So:

- at registration the URL must be absolute https (plain http only where development allows
  it), without user info, and a host that is no loopback name; a host written as an
  address, in any of the forms resolvers accept (``2130706433``, ``0x7f.0.0.1``, ``127.1``,
  ``[::ffff:127.0.0.1]``), must be a public one;
- at delivery the host is resolved, every address must be public (not loopback, private,
  link-local, shared, multicast, reserved or unspecified), and the request goes to the
  address that was checked (pinned), with the host's name as ``Host`` and as TLS SNI, so a
  DNS answer cannot change between the check and the connection.

Development and tests name the networks their receivers listen on (``allow``).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
Resolve = Callable[[str, int], Awaitable[list[str]]]


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for ``host`` (without zone ids)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]).split("%")[0] for info in infos]


class TargetRefused(ValueError):
    """The URL or the address it resolves to is not one a webhook may go to."""


@dataclass(frozen=True, slots=True)
class Pinned:
    """One request's target: the checked address in the URL, the name in Host and SNI."""

    url: str
    host: str
    extensions: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    https_only: bool = True
    allow: tuple[Network, ...] = ()  # development and tests: their receivers' networks
    resolve: Resolve = system_resolve

    @classmethod
    def of(cls, https_only: bool, allow: str, resolve: Resolve = system_resolve) -> TargetPolicy:
        """From settings: ``allow`` is comma-separated networks, e.g. ``127.0.0.0/8,::1``."""
        networks = tuple(ipaddress.ip_network(n.strip()) for n in allow.split(",") if n.strip())
        return cls(https_only, networks, resolve)

    def check_url(self, url: str) -> SplitResult:
        """Refuse what no resolution can make acceptable (at registration and delivery)."""
        parts = urlsplit(url)
        schemes = {"https"} if self.https_only else {"https", "http"}
        if parts.scheme not in schemes or not parts.hostname:
            raise TargetRefused(f"a webhook endpoint must be an absolute {'/'.join(schemes)} URL")
        if parts.username is not None or parts.password is not None:
            raise TargetRefused("a webhook URL must not carry user info")
        try:
            _ = parts.port
        except ValueError as exc:
            raise TargetRefused("the webhook URL's port is invalid") from exc
        host = parts.hostname.rstrip(".").lower()
        if host in LOOPBACK_NAMES or host.endswith(".localhost"):
            raise TargetRefused("a webhook endpoint must be a public address")
        literal = address_literal(host)
        if literal is not None:
            self.check_address(literal)
        return parts

    def check_address(self, address: Address) -> None:
        if any(address in network for network in self.allow):
            return
        if not is_public(address):
            raise TargetRefused("a webhook endpoint must be a public address")

    async def pin(self, url: str) -> Pinned:
        """Resolve the URL's host; every address must be allowed; the first is used."""
        parts = self.check_url(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = [ipaddress.ip_address(found) for found in await self.resolve(host, port)]
        if not addresses:
            raise OSError(f"{host} resolves to no address")
        for address in addresses:
            self.check_address(address)
        chosen = addresses[0]
        shown = f"[{chosen}]" if chosen.version == 6 else str(chosen)
        netloc = f"{shown}:{parts.port}" if parts.port else shown
        pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        host_header = f"{host}:{parts.port}" if parts.port else host
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        return Pinned(pinned, host_header, extensions)


STRICT = TargetPolicy()  # production: https to public addresses only


def address_literal(host: str) -> Address | None:
    """The address a host written as one stands for, in any form a resolver accepts."""
    try:
        found = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        try:  # the old forms: 2130706433, 0x7f.0.0.1, 127.1, 017700000001
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return found


def is_public(address: Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        teredo = address.teredo[1] if address.teredo else None
        embedded = address.ipv4_mapped or address.sixtofour or teredo
        if embedded is not None:  # an IPv4 address inside: that one must be public
            return is_public(embedded)
    return address.is_global and not address.is_multicast
