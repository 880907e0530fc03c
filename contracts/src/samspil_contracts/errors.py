"""The errors of the wire: a record a consumer cannot turn into an event, and an event too
big to become a record."""


class UndecodableEvent(Exception):
    """A record that is not a valid Samspil integration event.

    ``reason`` is short and free of payload values: it is written to the dead-letter
    topic, and payloads may carry (sealed) personal data.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RecordTooLarge(ValueError):
    """An event whose whole record (key, value and headers) would exceed what Kafka takes.

    Raised where the event is made, before anything is stored: a record the broker refuses
    must never reach an outbox. ``size`` and ``limit`` are bytes.
    """

    def __init__(self, type_name: str, size: int, limit: int) -> None:
        super().__init__(f"{type_name} record is {size} bytes, over the limit of {limit}")
        self.type_name, self.size, self.limit = type_name, size, limit
