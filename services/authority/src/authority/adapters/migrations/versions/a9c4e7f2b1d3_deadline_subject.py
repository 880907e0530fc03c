"""the subject of each deadline in the authority's list (a change request's answer
deadline is found by its request)

Revision ID: a9c4e7f2b1d3
Revises: d2f7a9c41e58
Create Date: 2026-12-06 00:20:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a9c4e7f2b1d3'
down_revision: Union[str, Sequence[str], None] = 'd2f7a9c41e58'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema (rows of earlier facts get theirs by ``rebuild deadlines``)."""
    op.add_column('view_deadlines', sa.Column('subject', sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column('view_deadlines', 'subject')
