"""Test support for the services' tests: kept out of every service's ``src`` and image.

``DeciderSpec``: given / when / then on a pure ``Decider``. ``published``: the integration
events a use case put in an in-memory store's outbox, decoded as a consumer would.
"""

from testkit.decider import DeciderSpec, Given, When
from testkit.outbox import published

__all__ = ["DeciderSpec", "Given", "When", "published"]
