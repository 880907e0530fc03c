"""Signing and verifying Samspil webhooks, for a provider's receiver in Python.

Re-exported from ``samspil_webhook_signing``, the one implementation the provider service
signs deliveries with, so what a receiver verifies with cannot drift from what Samspil sends.
"""

from samspil_webhook_signing import (
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
