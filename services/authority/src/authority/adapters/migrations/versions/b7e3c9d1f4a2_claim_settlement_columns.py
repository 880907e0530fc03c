"""settlement by the contract's terms: each claim's version, lines with their outcome,
credit notes, what is payable, the payment deadline and when it was paid

Revision ID: b7e3c9d1f4a2
Revises: c7e3a1f9d2b6
Create Date: 2026-12-06 03:40:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b7e3c9d1f4a2'
down_revision: Union[str, Sequence[str], None] = 'c7e3a1f9d2b6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (
    ('contract_version', sa.Integer()),
    ('lines', sa.JSON()),
    ('credited_oere', sa.BigInteger()),
    ('payable_oere', sa.BigInteger()),
    ('payment_due_on', sa.Date()),
    ('paid_on', sa.Date()),
)


def upgrade() -> None:
    """Upgrade schema (claims received earlier get theirs by ``rebuild claims``)."""
    for name, type_ in COLUMNS:
        op.add_column('view_claims', sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    for name, _ in reversed(COLUMNS):
        op.drop_column('view_claims', name)
