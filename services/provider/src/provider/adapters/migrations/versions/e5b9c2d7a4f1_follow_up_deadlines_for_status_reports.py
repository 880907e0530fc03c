"""follow-up deadlines: the follow-ups a provider reports before, and their followup_ref

Revision ID: e5b9c2d7a4f1
Revises: d3a7c5e9f1b2
Create Date: 2026-12-05 19:20:00.000000

A status report names the follow-up it prepares (``followup_ref``), which a provider could
not learn and which was taken on trust. The scheduler's follow-up and status-report
deadlines are now kept per contract as announced; a follow-up's deadline id is its
``followup_ref``. Existing contracts show none until the scheduler announces them
(``python -m scheduler announce-open`` announces those already open).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'e5b9c2d7a4f1'
down_revision: Union[str, Sequence[str], None] = 'd3a7c5e9f1b2'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('follow_up_deadlines',
    sa.Column('deadline_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('contract_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('deadline_id')
    )
    op.create_index(op.f('ix_follow_up_deadlines_tenant_id'), 'follow_up_deadlines', ['tenant_id'], unique=False)
    op.create_index(op.f('ix_follow_up_deadlines_contract_id'), 'follow_up_deadlines', ['contract_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_follow_up_deadlines_contract_id'), table_name='follow_up_deadlines')
    op.drop_index(op.f('ix_follow_up_deadlines_tenant_id'), table_name='follow_up_deadlines')
    op.drop_table('follow_up_deadlines')
