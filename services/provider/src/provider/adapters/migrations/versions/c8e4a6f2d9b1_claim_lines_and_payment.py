"""settlement by the contract's terms: each claim's lines with the authority's outcome,
the approved total, the payment deadline and when it was paid

Revision ID: c8e4a6f2d9b1
Revises: a8d2f4b6c1e3
Create Date: 2026-12-06 04:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c8e4a6f2d9b1'
down_revision: Union[str, Sequence[str], None] = 'a8d2f4b6c1e3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (
    ('lines', sa.JSON()),
    ('approved_total_oere', sa.BigInteger()),
    ('payment_due_on', sa.Date()),
    ('paid_on', sa.Date()),
)


def upgrade() -> None:
    """Upgrade schema (claims submitted earlier get theirs by ``rebuild claims``)."""
    for name, type_ in COLUMNS:
        op.add_column('claims_view', sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    for name, _ in reversed(COLUMNS):
        op.drop_column('claims_view', name)
