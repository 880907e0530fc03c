"""Alembic environment of the scheduler: eventkit's tables and the deadline index."""

from eventkit.schema import metadata as eventkit_metadata
from servicekit import alembic_env

from scheduler.adapters.index import metadata as index_metadata

alembic_env.run([eventkit_metadata, index_metadata])
