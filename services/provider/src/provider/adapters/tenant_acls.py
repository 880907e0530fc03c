"""The Kafka ACLs that fence a provider's own system into its own topics.

Per tenant, one principal (its SASL user or certificate), allowed on its prefix only:
read and describe its notifications and dead letters, write its commands topic, and use
consumer groups named with its prefix. Nothing on any other prefix, nothing on the shared
``samspil.*`` topics: with the StandardAuthorizer what is not allowed is denied.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.protocol.admin import CreateAclsRequest
from eventkit.security import client_options
from samspil_contracts.tenant import commands_topic, tenant_prefix

# Kafka protocol codes (org.apache.kafka.common.acl / resource)
TOPIC, GROUP = 2, 3
LITERAL, PREFIXED = 3, 4
READ, WRITE, DESCRIBE = 3, 4, 8
ALLOW = 3


@dataclass(frozen=True)
class AclBinding:
    resource_type: int
    name: str
    pattern: int
    principal: str
    operation: int


def tenant_bindings(tenant_id: UUID, principal: str, prefix: str = "") -> list[AclBinding]:
    """What ``principal`` (e.g. ``User:acme``) may do: its own tenant's topics and groups."""
    own = tenant_prefix(tenant_id, prefix)
    commands = commands_topic(tenant_id, prefix)
    return [
        AclBinding(TOPIC, own, PREFIXED, principal, READ),
        AclBinding(TOPIC, own, PREFIXED, principal, DESCRIBE),
        AclBinding(TOPIC, commands, LITERAL, principal, WRITE),
        AclBinding(GROUP, own, PREFIXED, principal, READ),
    ]


async def grant(bootstrap_servers: str, bindings: list[AclBinding]) -> None:
    """Create the ACLs (idempotent on the broker); needs a principal allowed to alter them."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, **client_options())
    await admin.start()
    try:
        for b in bindings:  # aiokafka's request carries one binding
            request = CreateAclsRequest(
                b.resource_type, b.name, b.pattern, b.principal, "*", b.operation, ALLOW
            )
            response = await admin._send_request(request)
            failed = [(code, msg) for code, msg in response.creation_responses if code]
            if failed:
                raise RuntimeError(f"creating ACL {b} failed: {failed}")
    finally:
        await admin.close()
