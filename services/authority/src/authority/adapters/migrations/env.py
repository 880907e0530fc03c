"""Alembic environment of the authority: eventkit's tables and the authority's own."""

from eventkit.schema import metadata as eventkit_metadata
from servicekit import alembic_env

from authority.adapters.tables import metadata as authority_metadata

alembic_env.run([eventkit_metadata, authority_metadata])
