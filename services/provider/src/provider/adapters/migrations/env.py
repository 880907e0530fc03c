"""Alembic environment of the provider: eventkit's tables, read models, webhooks and the
API's idempotency keys."""

from eventkit.schema import metadata as eventkit_metadata
from servicekit import alembic_env
from servicekit.idempotency_sql import metadata as idempotency_metadata

from provider.adapters.tables import metadata as read_metadata
from provider.adapters.webhooks import webhook_metadata

alembic_env.run([eventkit_metadata, read_metadata, webhook_metadata, idempotency_metadata])
