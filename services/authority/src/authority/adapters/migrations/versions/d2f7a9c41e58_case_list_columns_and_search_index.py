"""case list columns (case number, birth year, opened, measure) and the blind search index

Existing case rows get the new columns and their index entries from the log:
``python -m authority rebuild cases``.

Revision ID: d2f7a9c41e58
Revises: e8b4c1d7a2f3
Create Date: 2026-12-05 14:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd2f7a9c41e58'
down_revision: Union[str, Sequence[str], None] = 'e8b4c1d7a2f3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('view_cases', sa.Column('case_number', sa.String(length=8), nullable=True))
    op.add_column('view_cases', sa.Column('birth_year', sa.Integer(), nullable=True))
    op.add_column('view_cases', sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('view_cases', sa.Column('measure', sa.String(length=20), nullable=True))
    op.create_index(op.f('ix_view_cases_case_number'), 'view_cases', ['case_number'], unique=False)
    op.create_index(op.f('ix_view_cases_opened_at'), 'view_cases', ['opened_at'], unique=False)
    op.create_index(op.f('ix_view_cases_measure'), 'view_cases', ['measure'], unique=False)
    op.create_table('case_search',
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('digest', 'case_id')
    )
    op.create_index(op.f('ix_case_search_case_id'), 'case_search', ['case_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_case_search_case_id'), table_name='case_search')
    op.drop_table('case_search')
    op.drop_index(op.f('ix_view_cases_measure'), table_name='view_cases')
    op.drop_index(op.f('ix_view_cases_opened_at'), table_name='view_cases')
    op.drop_index(op.f('ix_view_cases_case_number'), table_name='view_cases')
    op.drop_column('view_cases', 'measure')
    op.drop_column('view_cases', 'opened_at')
    op.drop_column('view_cases', 'birth_year')
    op.drop_column('view_cases', 'case_number')
