"""api keys say who issued and revoked them: tenants manage their own keys

Revision ID: a9c4e6f8b1d3
Revises: f7a1c3e5b9d2
Create Date: 2026-12-06 00:40:00.000000

A tenant's coordinator issues, lists and revokes the tenant's own API keys; each key records
who issued and who revoked it ("ops" for the operators' admin API). Keys issued before this
were all issued by ops.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'a9c4e6f8b1d3'
down_revision: Union[str, Sequence[str], None] = 'f7a1c3e5b9d2'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('api_keys', sa.Column('created_by', sa.String(length=200), nullable=True))
    op.add_column('api_keys', sa.Column('revoked_by', sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column('api_keys', 'revoked_by')
    op.drop_column('api_keys', 'created_by')
