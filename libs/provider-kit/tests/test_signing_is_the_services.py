"""A receiver verifies with exactly what the provider service signs with (no copy to drift)."""

from __future__ import annotations

import samspil_webhook_signing as service_signing
from samspil_provider_kit import signing as kit


def test_the_kit_reexports_the_one_signing_implementation() -> None:
    for name in kit.__all__:
        assert getattr(kit, name) is getattr(service_signing, name), name
