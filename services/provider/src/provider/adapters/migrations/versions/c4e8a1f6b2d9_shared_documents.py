"""shared documents: what the authority shared on a contract, sealed with the child's key

Revision ID: c4e8a1f6b2d9
Revises: acb337828b89
Create Date: 2026-11-24 12:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c4e8a1f6b2d9'
down_revision: Union[str, Sequence[str], None] = 'acb337828b89'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('shared_documents',
    sa.Column('document_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('contract_id', sa.Uuid(), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.JSON(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('shared_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('document_id')
    )
    op.create_index(op.f('ix_shared_documents_tenant_id'), 'shared_documents', ['tenant_id'], unique=False)
    op.create_index(op.f('ix_shared_documents_contract_id'), 'shared_documents', ['contract_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_shared_documents_contract_id'), table_name='shared_documents')
    op.drop_index(op.f('ix_shared_documents_tenant_id'), table_name='shared_documents')
    op.drop_table('shared_documents')
