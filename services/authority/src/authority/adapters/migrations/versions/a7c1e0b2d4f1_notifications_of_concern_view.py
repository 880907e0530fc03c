"""notifications of concern (underretninger): the intake list

Revision ID: a7c1e0b2d4f1
Revises: c5d8e2a9b417
Create Date: 2026-11-24 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a7c1e0b2d4f1'
down_revision: Union[str, Sequence[str], None] = 'c5d8e2a9b417'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('view_notifications',
    sa.Column('notification_id', sa.Uuid(), nullable=False),
    sa.Column('case_id', sa.Uuid(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('reporter_kind', sa.String(length=40), nullable=False),
    sa.Column('child_initials', sa.String(length=20), nullable=False),
    sa.Column('assessed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('in_danger', sa.Boolean(), nullable=True),
    sa.Column('acute_action_needed', sa.Boolean(), nullable=True),
    sa.Column('receipt_owed', sa.Boolean(), nullable=False),
    sa.Column('receipt_sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('assessment_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('receipt_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('notification_id')
    )
    op.create_index(op.f('ix_view_notifications_case_id'), 'view_notifications', ['case_id'], unique=False)
    op.create_index(op.f('ix_view_notifications_assessment_due_at'), 'view_notifications', ['assessment_due_at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_view_notifications_assessment_due_at'), table_name='view_notifications')
    op.drop_index(op.f('ix_view_notifications_case_id'), table_name='view_notifications')
    op.drop_table('view_notifications')
