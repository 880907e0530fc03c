"""Ports for test and benchmark servers come from outside the kernel's ephemeral range."""

from __future__ import annotations

import socket

from devstack.ports import free_port, free_port_run


def test_a_run_of_ports_is_free_and_below_the_ephemeral_range() -> None:
    # Given the kernel hands outgoing connections ports from its ephemeral range
    with open("/proc/sys/net/ipv4/ip_local_port_range") as ranges:
        ephemeral_low = int(ranges.read().split()[0])
    # When a run of three ports is chosen
    base = free_port_run(3)
    # Then all three lie below that range and can be bound now
    assert base + 2 < ephemeral_low
    for port in range(base, base + 3):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", port))


def test_a_port_in_use_is_never_chosen() -> None:
    # Given a port held by a listening socket
    with socket.socket() as held:
        held.bind(("127.0.0.1", free_port()))
        taken = held.getsockname()[1]
        # When many ports are chosen meanwhile, then none is the held one
        assert all(free_port() != taken for _ in range(2000))
