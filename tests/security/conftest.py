"""The services as processes on the shared broker and PostgreSQL (fresh databases, prefix)."""

from tests.e2e.conftest import stack  # noqa: F401 - the same session fixture, for this folder
