"""Personal data keys: each child's data key travels to a provider wrapped, and is erased.

CPR numbers and names in Kafka payloads (an order's ``child``) are sealed with the child's
own data key, not with a provider's key. A provider learns the key from
``ChildKeyGranted`` on a compacted topic keyed by ``provider_id:child_id``, wrapped with
that provider's transport key. On erasure the authority publishes ``ChildDataErased`` on
the cases topic (kept, so a consumer that was away still learns it) and a tombstone for
every grant, so compaction removes the wrapped key from the log: what remains in Kafka
are ciphertexts nobody can open.

No personal data in either event: a child is named only by a random id.
"""

from typing import ClassVar
from uuid import UUID

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.sealed import Sealed


def grant_key(provider_id: UUID, child_id: UUID) -> str:
    """The record key of a grant: one per provider and child, so a tombstone removes it."""
    return f"{provider_id}:{child_id}"


class ChildKeyGranted(IntegrationEvent):
    """A provider may open this child's personal data: here is the key, wrapped for it."""

    type_name: ClassVar[str] = "dk.samspil.personal.child_key_granted"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CHILD_KEYS

    provider_id: UUID
    child_id: UUID
    wrapped_key: Sealed  # the 256-bit data key, sealed with the provider's transport key

    @property
    def grant(self) -> str:
        return grant_key(self.provider_id, self.child_id)


class ChildDataErased(IntegrationEvent):
    """The child's data key is erased: every copy of its personal data is now unreadable.

    One per case of the child. Holders delete their copy of the key and show the personal
    fields as erased; the rest of the case's orders and contracts stay as they are.
    """

    type_name: ClassVar[str] = "dk.samspil.personal.child_data_erased"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CASES

    case_id: UUID
    child_id: UUID
