"""idempotency keys of the provider API: a retried POST gets the first answer

Revision ID: f7a1c3e5b9d2
Revises: e5b9c2d7a4f1
Create Date: 2026-12-06 00:30:00.000000

A provider's system that retries a POST after a lost answer (``Idempotency-Key``) gets the
first answer instead of a second effect; see ``servicekit.idempotency``.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'f7a1c3e5b9d2'
down_revision: Union[str, Sequence[str], None] = 'e5b9c2d7a4f1'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('idempotency_keys',
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('content_type', sa.String(length=200), nullable=True),
    sa.Column('body', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('owner', 'key')
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('idempotency_keys')
