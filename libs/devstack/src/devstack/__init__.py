"""devstack: real Kafka and PostgreSQL for the tests and the local stack.

from devstack import ensure_kafka, ensure_postgres, create_database, stop_all
"""

from devstack._proc import DevstackError
from devstack.databases import create_database, database_url
from devstack.stack import SERVICE_DATABASES, ensure_kafka, ensure_postgres, status, stop_all

__all__ = [
    "SERVICE_DATABASES",
    "DevstackError",
    "create_database",
    "database_url",
    "ensure_kafka",
    "ensure_postgres",
    "status",
    "stop_all",
]
