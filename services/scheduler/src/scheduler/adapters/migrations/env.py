"""Alembic environment of the scheduler: eventkit's, the index, rules, directory."""

from eventkit.schema import metadata as eventkit_metadata
from servicekit import alembic_env

from scheduler.adapters.index import metadata as index_metadata
from scheduler.adapters.tables import metadata as tables_metadata

alembic_env.run([eventkit_metadata, index_metadata, tables_metadata])
