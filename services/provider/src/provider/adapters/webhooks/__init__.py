"""Outbound webhooks to provider organisations (tenants): signing, durable queue, dispatch.

The provider app queues a webhook inside its unit of work with ``WebhookOutbox.enqueue``;
a ``WebhookDispatcher`` running as a background loop POSTs it, signed, to the tenant's
endpoint, retrying with exponential backoff until it is delivered or dead-lettered.
"""

from samspil_webhook_signing import (
    DEFAULT_TOLERANCE,
    ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    VerifiedWebhook,
    WebhookVerificationError,
    sign,
    signature_header,
    signed_headers,
    verify,
)

from provider.adapters.webhooks.dispatcher import WebhookDispatcher
from provider.adapters.webhooks.model import (
    Delivery,
    DeliveryNotFound,
    Endpoint,
    EndpointNotFound,
    WebhookEventType,
    webhook_body,
)
from provider.adapters.webhooks.outbox import WebhookOutbox
from provider.adapters.webhooks.retry import RetryPolicy, spread
from provider.adapters.webhooks.schema import (
    DeliveryStatus,
    webhook_deliveries,
    webhook_endpoints,
    webhook_metadata,
)
from provider.adapters.webhooks.secret_box import SecretBox
from provider.adapters.webhooks.targets import TargetPolicy, TargetRefused

__all__ = [
    "DEFAULT_TOLERANCE",
    "ID_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "Delivery",
    "DeliveryNotFound",
    "DeliveryStatus",
    "Endpoint",
    "EndpointNotFound",
    "RetryPolicy",
    "SecretBox",
    "TargetPolicy",
    "TargetRefused",
    "VerifiedWebhook",
    "WebhookDispatcher",
    "WebhookEventType",
    "WebhookOutbox",
    "WebhookVerificationError",
    "sign",
    "signature_header",
    "signed_headers",
    "spread",
    "verify",
    "webhook_body",
    "webhook_deliveries",
    "webhook_endpoints",
    "webhook_metadata",
]
