"""The one error a consumer must handle: a record it cannot turn into an event."""


class UndecodableEvent(Exception):
    """A record that is not a valid Samspil integration event.

    ``reason`` is short and free of payload values: it is written to the dead-letter
    topic, and payloads may carry (sealed) personal data.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
