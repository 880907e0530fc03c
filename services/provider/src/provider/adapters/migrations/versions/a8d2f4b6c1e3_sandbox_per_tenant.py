"""sandbox per tenant: the switch, sandbox cases and claims

Revision ID: a8d2f4b6c1e3
Revises: b7d2e4f9a1c3
Create Date: 2026-12-06 03:40:00.000000

Operations turn a tenant's sandbox on (``PUT /admin/tenants/{id}/sandbox``); the tenant then
triggers any notification type and plays the business flows on invented orders that never
reach an authority.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'a8d2f4b6c1e3'
down_revision: Union[str, Sequence[str], None] = 'b7d2e4f9a1c3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('sandbox_tenants',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('enabled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('enabled_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id')
    )
    op.create_table('sandbox_cases',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('contract_id', sa.Uuid(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('order_id'),
    sa.UniqueConstraint('contract_id')
    )
    op.create_index(op.f('ix_sandbox_cases_tenant_id'), 'sandbox_cases', ['tenant_id'], unique=False)
    op.create_table('sandbox_claims',
    sa.Column('claim_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('contract_id', sa.Uuid(), nullable=False),
    sa.Column('claim_number', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('claim_id')
    )
    op.create_index(op.f('ix_sandbox_claims_tenant_id'), 'sandbox_claims', ['tenant_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_sandbox_claims_tenant_id'), table_name='sandbox_claims')
    op.drop_table('sandbox_claims')
    op.drop_index(op.f('ix_sandbox_cases_tenant_id'), table_name='sandbox_cases')
    op.drop_table('sandbox_cases')
    op.drop_table('sandbox_tenants')
