"""order answer deadlines from the scheduler: one deadline, not the order's own +14 days

Revision ID: d3a7c5e9f1b2
Revises: 7a41c9e2d5b3
Create Date: 2026-12-05 14:30:00.000000

The inbox's ``answer_deadline`` came from the order (the authority's placed + 14 calendar
days); the one deadline is now the scheduler's, kept in ``order_answer_deadlines`` as it
announces it. Existing orders show ``pending`` until the scheduler announces theirs
(``python -m scheduler announce-open`` announces those already open).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'd3a7c5e9f1b2'
down_revision: Union[str, Sequence[str], None] = '7a41c9e2d5b3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('order_answer_deadlines',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('deadline_id', sa.Uuid(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('order_id')
    )
    op.create_index(op.f('ix_order_answer_deadlines_tenant_id'), 'order_answer_deadlines', ['tenant_id'], unique=False)
    op.drop_column('orders_inbox', 'answer_deadline')


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column('orders_inbox', sa.Column('answer_deadline', sa.Date(), nullable=True))
    op.drop_index(op.f('ix_order_answer_deadlines_tenant_id'), table_name='order_answer_deadlines')
    op.drop_table('order_answer_deadlines')
