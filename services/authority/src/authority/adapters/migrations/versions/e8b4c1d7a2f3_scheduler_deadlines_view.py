"""the scheduler's deadlines as the authority's own list (fristliste)

Revision ID: e8b4c1d7a2f3
Revises: 5d3e8a1c7b20
Create Date: 2026-12-05 08:45:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e8b4c1d7a2f3'
down_revision: Union[str, Sequence[str], None] = '5d3e8a1c7b20'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('view_deadlines',
    sa.Column('deadline_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('case_id', sa.Uuid(), nullable=True),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('contract_id', sa.Uuid(), nullable=True),
    sa.Column('provider_id', sa.Uuid(), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('warn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('phase', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('deadline_id')
    )
    op.create_index(op.f('ix_view_deadlines_case_id'), 'view_deadlines', ['case_id'], unique=False)
    op.create_index(op.f('ix_view_deadlines_due_at'), 'view_deadlines', ['due_at'], unique=False)
    op.create_index(op.f('ix_view_deadlines_status'), 'view_deadlines', ['status'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_view_deadlines_status'), table_name='view_deadlines')
    op.drop_index(op.f('ix_view_deadlines_due_at'), table_name='view_deadlines')
    op.drop_index(op.f('ix_view_deadlines_case_id'), table_name='view_deadlines')
    op.drop_table('view_deadlines')
