"""The network policy as each pod experiences it: the union of the policies selecting it.

Ingress: the HTTP port only. Egress: DNS, Kafka, PostgreSQL (and, in production, the IdP's
keys); the provider alone may also reach the internet over HTTPS for webhooks, never the
private ranges behind it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

import pytest

Objects = dict[str, list[dict[str, Any]]]
Pick = Callable[..., list[dict[str, Any]]]
Rule = dict[str, Any]
SERVICES = ("authority", "provider", "scheduler")
INTERNAL_RANGES = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")


def policies_for(rendered: Objects, pick: Pick, overlay: str, service: str) -> list[Rule]:
    (deployment,) = pick(rendered[overlay], "Deployment", service)
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    return [
        p
        for p in pick(rendered[overlay], "NetworkPolicy")
        if p["spec"]["podSelector"]["matchLabels"].items() <= labels.items()
    ]


def rules(policies: list[Rule], direction: str) -> list[Rule]:
    key = direction.lower()
    return [
        rule
        for p in policies
        if direction in p["spec"]["policyTypes"]
        for rule in p["spec"].get(key, [])
    ]


def is_public_internet(block: dict[str, Any]) -> bool:
    return ipaddress.ip_network(block["cidr"]).prefixlen == 0


def egress_kind(rule: Rule) -> str:
    """Names what an egress rule opens, or 'unexpected' for anything not in the design."""
    ports = {(p["protocol"], p["port"]) for p in rule["ports"]}
    namespaces = {
        peer.get("namespaceSelector", {}).get("matchLabels", {}).get("kubernetes.io/metadata.name")
        for peer in rule["to"]
    }
    blocks = [peer["ipBlock"] for peer in rule["to"] if "ipBlock" in peer]
    known = {
        "dns": (namespaces == {"kube-system"} and ports == {("UDP", 53), ("TCP", 53)}),
        "kafka": namespaces == {"kafka"} and ports == {("TCP", 9092)},
        "kafka-tls": namespaces == {"kafka"} and ports == {("TCP", 9093)},
        "otel": namespaces == {"observability"} and ports == {("TCP", 4318)},
        "postgres": namespaces == {"postgres"} and ports == {("TCP", 5432)},
        "internet": bool(blocks)
        and all(is_public_internet(b) for b in blocks)
        and ports == {("TCP", 443)},
        "idp": bool(blocks)
        and not any(is_public_internet(b) for b in blocks)
        and ports == {("TCP", 443)},
    }
    matches = [kind for kind, ok in known.items() if ok]
    return matches[0] if len(matches) == 1 else "unexpected"


cases = pytest.mark.parametrize(
    ("overlay", "service"), [(o, s) for o in ("dev", "production") for s in SERVICES]
)


@cases
def test_everything_not_allowed_is_denied(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    policies = policies_for(rendered, pick, overlay, service)

    deny_all = [
        p
        for p in policies
        if set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
        and not p["spec"].get("ingress")
        and not p["spec"].get("egress")
    ]
    assert deny_all, "no default-deny policy selects the pods"


@cases
def test_ingress_is_only_the_http_port(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    ingress = rules(policies_for(rendered, pick, overlay, service), "Ingress")

    assert ingress, "no ingress at all: probes from the kubelet pass, but clients could not"
    for rule in ingress:
        assert rule["ports"] == [{"protocol": "TCP", "port": 8000}]


@cases
def test_egress_reaches_only_dns_kafka_postgres_and_what_the_service_needs(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    egress = rules(policies_for(rendered, pick, overlay, service), "Egress")

    kinds = sorted(egress_kind(rule) for rule in egress)

    expected = {"dns", "kafka", "postgres"}
    if overlay == "production":
        expected.add("idp")  # token keys from OIDC_JWKS_URL
        expected.add("kafka-tls")  # SASL_SSL to the cluster's TLS listener
        expected.add("otel")  # traces to the site's OpenTelemetry collector
    if service == "provider":
        expected.add("internet")  # webhooks to the providers' own systems
    assert kinds == sorted(expected)


@pytest.mark.parametrize("overlay", ["dev", "production"])
def test_webhooks_cannot_reach_private_or_metadata_addresses(
    rendered: Objects, pick: Pick, overlay: str
) -> None:
    egress = rules(policies_for(rendered, pick, overlay, "provider"), "Egress")
    internet = [r for r in egress if egress_kind(r) == "internet"]
    (rule,) = internet
    v4 = next(p["ipBlock"] for p in rule["to"] if p["ipBlock"]["cidr"] == "0.0.0.0/0")
    excluded = [ipaddress.IPv4Network(e) for e in v4["except"]]

    for internal in map(ipaddress.IPv4Network, INTERNAL_RANGES):
        assert any(internal.subnet_of(e) for e in excluded), internal
