"""document blobs: the case file's documents and letters, sealed with the child's key

Revision ID: b3d9f2a8c6e4
Revises: a7c1e0b2d4f1
Create Date: 2026-11-24 11:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b3d9f2a8c6e4'
down_revision: Union[str, Sequence[str], None] = 'a7c1e0b2d4f1'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('document_blobs',
    sa.Column('blob_id', sa.Uuid(), nullable=False),
    sa.Column('kid', sa.String(length=100), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('blob_id')
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('document_blobs')
