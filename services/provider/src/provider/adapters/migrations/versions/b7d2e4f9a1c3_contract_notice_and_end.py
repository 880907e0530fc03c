"""contracts_view: notice given by either party, and whether the contract has ended

Revision ID: b7d2e4f9a1c3
Revises: a9c4e6f8b1d3
Create Date: 2026-12-06 00:30:00.000000

Issue 19: a contract under notice (opsigelse) stays in force through its last day and ends
after it. Existing contracts had no notice and have not ended.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'b7d2e4f9a1c3'
down_revision: Union[str, Sequence[str], None] = 'a9c4e6f8b1d3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('contracts_view', sa.Column('notice', sa.JSON(), nullable=True))
    op.add_column(
        'contracts_view',
        sa.Column('ended', sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column('contracts_view', 'ended')
    op.drop_column('contracts_view', 'notice')
