"""The provider kit's signing (what a provider's Python receiver verifies with) and the
service's own agree both ways, on the documented worked example too."""

from __future__ import annotations

import time

import pytest
from provider.adapters.webhooks import signing as service
from samspil_provider_kit import signing as kit

SECRETS = ["whsec_example_0123456789abcdef", "whsec_next_0123456789abcdefgh"]
BODY = '{"id":"3f2b8c1e","type":"order.placed","data":{"order_id":"5a6b","version":1}}'


@pytest.mark.parametrize(("signer", "verifier"), [(service, kit), (kit, service)])
def test_what_one_signs_the_other_verifies(signer, verifier) -> None:
    now = int(time.time())
    headers = signer.signed_headers(SECRETS, "0b7e4a52-delivery", now, BODY)

    verified = verifier.verify(SECRETS[1], headers, BODY.encode())

    assert verified.delivery_id == "0b7e4a52-delivery"
    with pytest.raises(verifier.WebhookVerificationError):
        verifier.verify(SECRETS[0], headers, BODY.replace("1}", "2}"))


def test_the_constants_are_the_documented_ones() -> None:
    for name in ("ID_HEADER", "TIMESTAMP_HEADER", "SIGNATURE_HEADER", "DEFAULT_TOLERANCE"):
        assert getattr(service, name) == getattr(kit, name), name
    assert kit.sign(SECRETS[0], 1796457600, BODY) == service.sign(SECRETS[0], 1796457600, BODY)
