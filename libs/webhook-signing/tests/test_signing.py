"""The signature scheme as a receiver checks it: genuine, untampered, fresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from samspil_webhook_signing import (
    SIGNATURE_HEADER,
    WebhookVerificationError,
    sign,
    signed_headers,
    verify,
)

SECRET = "whsec_current_0123456789abcdef"
OLD_SECRET = "whsec_previous_0123456789abcdef"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
BODY = b'{"id":"e1","type":"order.placed","data":{}}'


def headers_at(moment: datetime, secrets: list[str], body: bytes = BODY) -> dict[str, str]:
    return signed_headers(secrets, "d-1", int(moment.timestamp()), body)


def test_a_genuine_webhook_verifies_and_names_its_delivery() -> None:
    verified = verify(SECRET, headers_at(NOW, [SECRET]), BODY, now=NOW)
    assert verified.delivery_id == "d-1"
    assert verified.timestamp == int(NOW.timestamp())


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    # Known answer, computed independently: printf '1700000000.{}' | openssl sha256 -hmac k
    assert sign("k", 1700000000, "{}") == (
        "c6ef4734033cee2367414a0939385eca0397754aa7a59716da7463a9298b5146"
    )


def test_a_tampered_body_is_refused() -> None:
    headers = headers_at(NOW, [SECRET])
    with pytest.raises(WebhookVerificationError, match="no matching signature"):
        verify(SECRET, headers, BODY.replace(b"order.placed", b"order.withdrawn"), now=NOW)


def test_a_signature_under_another_secret_is_refused() -> None:
    with pytest.raises(WebhookVerificationError):
        verify(SECRET, headers_at(NOW, ["whsec_attacker_0123456789abcdef"]), BODY, now=NOW)


@pytest.mark.parametrize("skew", [-301, 301, -3600])
def test_a_timestamp_outside_the_window_is_refused(skew: int) -> None:
    headers = headers_at(NOW + timedelta(seconds=skew), [SECRET])
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        verify(SECRET, headers, BODY, now=NOW)


@pytest.mark.parametrize("skew", [-300, 300])
def test_a_timestamp_at_the_edge_of_the_window_is_accepted(skew: int) -> None:
    verify(SECRET, headers_at(NOW + timedelta(seconds=skew), [SECRET]), BODY, now=NOW)


def test_while_samspil_rotates_any_one_matching_signature_suffices() -> None:
    headers = headers_at(NOW, ["whsec_brand_new_0123456789abcdef", SECRET])
    assert headers[SIGNATURE_HEADER].count("v1=") == 2
    verify(SECRET, headers, BODY, now=NOW)


def test_while_the_receiver_rotates_each_of_its_secrets_is_tried() -> None:
    verify([SECRET, OLD_SECRET], headers_at(NOW, [OLD_SECRET]), BODY, now=NOW)


def test_header_names_are_case_insensitive() -> None:
    lowered = {name.lower(): value for name, value in headers_at(NOW, [SECRET]).items()}
    verify(SECRET, lowered, BODY, now=NOW)


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        ("Samspil-Webhook-Timestamp", "yesterday", "malformed timestamp"),
        ("Samspil-Webhook-Id", "", "missing delivery id"),
        ("Samspil-Signature", "v0=abc", "missing signature"),
        ("Samspil-Signature", "v1=ünïcode", "no matching signature"),
    ],
)
def test_malformed_headers_are_refused_with_a_reason(header: str, value: str, reason: str) -> None:
    headers = headers_at(NOW, [SECRET]) | {header: value}
    with pytest.raises(WebhookVerificationError, match=reason):
        verify(SECRET, headers, BODY, now=NOW)
