"""Two SQL expressions that differ between PostgreSQL and SQLite, so the dashboard's
aggregates run in the database on either.

- ``days_between(a, b)``: whole days from date text ``a`` to ``b`` ('YYYY-MM-DD').
- ``stream_key(stream_id, prefix)``: the aggregate id in a stream id ('case-<uuid>'), comparable
  with a Uuid column (PostgreSQL stores uuid, SQLite 32 hex digits).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement


class days_between(FunctionElement[int]):  # noqa: N801 - reads like the SQL function
    type = sa.Integer()
    inherit_cache = True


class stream_key(FunctionElement[Any]):  # noqa: N801
    type = sa.Uuid(as_uuid=True)
    inherit_cache = True


def _args(element: FunctionElement[Any], compiler: Any, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


@compiles(days_between)
def _days_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    a, b = _args(element, compiler, **kw)
    return f"CAST(julianday({b}) - julianday({a}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_postgresql(element: days_between, compiler: Any, **kw: Any) -> str:
    a, b = _args(element, compiler, **kw)
    return f"(CAST({b} AS date) - CAST({a} AS date))"


@compiles(stream_key)
def _key_sqlite(element: stream_key, compiler: Any, **kw: Any) -> str:
    stream, start = _args(element, compiler, **kw)
    return f"replace(substr({stream}, {start}), '-', '')"


@compiles(stream_key, "postgresql")
def _key_postgresql(element: stream_key, compiler: Any, **kw: Any) -> str:
    stream, start = _args(element, compiler, **kw)
    return f"CAST(substr({stream}, {start}) AS uuid)"
