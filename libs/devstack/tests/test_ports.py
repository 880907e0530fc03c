"""Ports for test and benchmark servers come from outside the kernel's ephemeral range."""

from __future__ import annotations

import socket

import pytest
from devstack import stack
from devstack.__main__ import main
from devstack.ports import PortTaken, free_port, free_port_run, taken


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


def test_a_port_another_server_holds_stops_devstack_with_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given PostgreSQL's port held by another process (another checkout's `make run`)
    with socket.socket() as held:
        held.bind(("127.0.0.1", free_port()))
        held.listen()
        port = held.getsockname()[1]
        assert taken(port)

        def refuse() -> str:
            raise PortTaken("PostgreSQL", port, "DATABASE_ADMIN_URL=postgresql://… ")

        monkeypatch.setattr(stack, "ensure_postgres", refuse)
        # When devstack is asked to start it
        code = main(["up", "postgres"])
    # Then it exits 1 with one message that names the port and both ways out
    assert code == 1
    message = capsys.readouterr().err
    assert f"127.0.0.1:{port} is already in use" in message
    assert "make down" in message
    assert "DATABASE_ADMIN_URL=" in message
    assert "Traceback" not in message
