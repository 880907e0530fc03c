"""The scheduler's own tables beside the deadline index: municipal rules and the case directory."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()
Document = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Instant = sa.DateTime(timezone=True)

# Append-only: one row per version of a municipality's rules, never updated.
municipality_rules = sa.Table(
    "municipality_rules",
    metadata,
    sa.Column("municipality", sa.String(3), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("settings", Document, nullable=False),
    sa.Column("changed_by", sa.String(200), nullable=False),
    sa.Column("changed_at", Instant, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

# What the scheduler heard about each case: whose it is, and where.
case_directory = sa.Table(
    "case_directory",
    metadata,
    sa.Column("case_id", sa.Uuid(as_uuid=True), primary_key=True),
    sa.Column("municipality", sa.String(3)),
    sa.Column("caseworker_id", sa.String(200)),
    sa.Column("caseworker_as_of", Instant),
    sa.Index("ix_case_directory_caseworker", "caseworker_id"),
)
