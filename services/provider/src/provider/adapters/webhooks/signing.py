"""Signing and verifying Samspil webhooks: the protocol lives in ``samspil_provider_kit``
(the package a provider's developer installs), so the sender and every receiver built on
the kit sign and verify with the one implementation."""

from samspil_provider_kit.signing import (
    DEFAULT_TOLERANCE,
    ID_HEADER,
    SCHEME,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    VerifiedWebhook,
    WebhookVerificationError,
    sign,
    signature_header,
    signed_headers,
    verify,
)

__all__ = [
    "DEFAULT_TOLERANCE",
    "ID_HEADER",
    "SCHEME",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "VerifiedWebhook",
    "WebhookVerificationError",
    "sign",
    "signature_header",
    "signed_headers",
    "verify",
]
