"""The base of every integration event: frozen, closed, and self-describing."""

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from samspil_contracts import topics


class IntegrationEvent(BaseModel):
    """An event one service publishes for the others.

    Subclasses declare where they go (``topic``) and what they are (``type_name`` and
    ``schema_version``). The partition key is the field the topic declares as its key,
    so all events of one aggregate land in one partition, in order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    type_name: ClassVar[str]
    schema_version: ClassVar[int]
    topic: ClassVar[str]

    def partition_key(self) -> str:
        return str(getattr(self, topics.spec(self.topic).key))
