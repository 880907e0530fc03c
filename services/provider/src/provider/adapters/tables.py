"""The provider's read-model tables. Every query filters on ``tenant_id``."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
Id = sa.Uuid(as_uuid=True)
Instant = sa.DateTime(timezone=True)

tenants = sa.Table(
    "tenants",
    metadata,
    sa.Column("tenant_id", Id, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("created_at", Instant, nullable=False),
)

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("key_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("key_sha256", sa.String(64), nullable=False, unique=True),  # never the key
    sa.Column("created_at", Instant, nullable=False),
    sa.Column("revoked_at", Instant),
    # Who: "ops" (the operators' admin API), a tenant's "api-key:<id>" or person's user id.
    sa.Column("created_by", sa.String(200)),
    sa.Column("revoked_by", sa.String(200)),
)

# What arrived with an order beyond the domain's snapshot: kept as received, not derived.
order_documents = sa.Table(
    "order_documents",
    metadata,
    sa.Column("order_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False),
    sa.Column("document", sa.JSON, nullable=False),  # case id, sealed child, contacts
)

orders_inbox = sa.Table(
    "orders_inbox",
    metadata,
    sa.Column("order_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("order_version", sa.Integer, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),  # of the provider's order stream
    sa.Column("snapshot", sa.JSON),
    sa.Column("measure_code", sa.String(32)),
    sa.Column("updated_at", Instant, nullable=False),
)

# The order's one answer deadline, the scheduler's (DeadlineScheduled / DeadlineClosed of
# kind order_answer_due), as the scheduler last announced it: set, moved (a changed order
# gets a new one), met or cancelled. No row: not announced yet ("pending"). Kept apart from
# the inbox, which is rebuilt from the provider's own log, and written whichever of the
# order and its deadline arrives first (they travel on two topics).
order_answer_deadlines = sa.Table(
    "order_answer_deadlines",
    metadata,
    sa.Column("order_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("deadline_id", Id, nullable=False),
    sa.Column("due_at", Instant, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # open, met or cancelled
    sa.Column("updated_at", Instant, nullable=False),
)

# A contract's follow-ups (opfølgning, barnets lov § 95) and the status reports due before
# them, as the scheduler announces them (DeadlineScheduled / DeadlineClosed of kinds
# follow_up_due and status_report_due): one row per deadline. A follow-up's deadline id is
# the ``followup_ref`` a status report names (the authority's follow-up has the same id).
follow_up_deadlines = sa.Table(
    "follow_up_deadlines",
    metadata,
    sa.Column("deadline_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("contract_id", Id, nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),  # follow_up_due or status_report_due
    sa.Column("due_at", Instant, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # open, met or cancelled
    sa.Column("updated_at", Instant, nullable=False),
)

contracts_view = sa.Table(
    "contracts_view",
    metadata,
    sa.Column("contract_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False, server_default="individual"),
    sa.Column("order_id", Id),  # none for a standard contract
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("countersigned_version", sa.Integer),
    sa.Column("terms", sa.JSON, nullable=False),
    sa.Column("notice", sa.JSON),  # given by either party: who, why, the last day in force
    sa.Column("ended", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("updated_at", Instant, nullable=False),
)

claims_view = sa.Table(
    "claims_view",
    metadata,
    sa.Column("claim_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False),
    sa.Column("claim_number", sa.String(30), nullable=False),
    sa.Column("contract_id", Id, nullable=False),
    sa.Column("period_start", sa.Date, nullable=False),
    sa.Column("period_end", sa.Date, nullable=False),
    sa.Column("total_oere", sa.BigInteger, nullable=False),
    sa.Column("credited_oere", sa.BigInteger, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    # Each line (kind, units, amounts) with the authority's outcome and reason code; what
    # it approved (less credit notes), when payment is due, and when it was paid.
    sa.Column("lines", sa.JSON),
    sa.Column("approved_total_oere", sa.BigInteger),
    sa.Column("payment_due_on", sa.Date),
    sa.Column("paid_on", sa.Date),
    sa.UniqueConstraint("tenant_id", "claim_number", name="uq_claims_tenant_number"),
)

reminders = sa.Table(
    "reminders",
    metadata,
    sa.Column("deadline_id", Id, primary_key=True),
    sa.Column("phase", sa.String(16), primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("order_id", Id),
    sa.Column("contract_id", Id),
    sa.Column("due_at", Instant, nullable=False),
    sa.Column("fired_at", Instant, nullable=False),
)

access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("order_id", Id, nullable=False),
    sa.Column("user_id", sa.String(200), nullable=False),
    sa.Column("reason", sa.String(500), nullable=False),
    sa.Column("at", Instant, nullable=False),
)

# Each child's data key as the authority granted it to a tenant: still wrapped with the
# tenant's transport key. Deleting the row erases the tenant's access to the child's data.
# Documents the authority shared on a contract: name and bytes as received, sealed with the
# child's key (erasing the child leaves them unreadable).
shared_documents = sa.Table(
    "shared_documents",
    metadata,
    sa.Column("document_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("contract_id", Id, nullable=False, index=True),
    sa.Column("media_type", sa.String(40), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("filename", sa.JSON, nullable=False),
    sa.Column("content", sa.JSON, nullable=False),
    sa.Column("shared_at", Instant, nullable=False),
)

child_keys = sa.Table(
    "child_keys",
    metadata,
    sa.Column("tenant_id", Id, primary_key=True),
    sa.Column("child_id", Id, primary_key=True, index=True),
    sa.Column("wrapped", sa.JSON, nullable=False),
    sa.Column("received_at", Instant, nullable=False),
)

# Children whose data the authority erased: a late or replayed grant is not stored again.
erased_children = sa.Table(
    "erased_children",
    metadata,
    sa.Column("child_id", Id, primary_key=True),
    sa.Column("erased_at", Instant, nullable=False),
)

# The tenant's sandbox (docs/providers/sandbox.md): on only for tenants operations enabled;
# its orders, contracts and claims are invented and never reach an authority.
sandbox_tenants = sa.Table(
    "sandbox_tenants",
    metadata,
    sa.Column("tenant_id", Id, primary_key=True),
    sa.Column("enabled_at", Instant, nullable=False),
    sa.Column("enabled_by", sa.String(200), nullable=False),
)

sandbox_cases = sa.Table(
    "sandbox_cases",
    metadata,
    sa.Column("order_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("contract_id", Id, nullable=False, unique=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("state", sa.Text, nullable=False),  # the SandboxCase as JSON
    sa.Column("created_at", Instant, nullable=False),
)

sandbox_claims = sa.Table(
    "sandbox_claims",
    metadata,
    sa.Column("claim_id", Id, primary_key=True),
    sa.Column("tenant_id", Id, nullable=False, index=True),
    sa.Column("contract_id", Id, nullable=False),
    sa.Column("claim_number", sa.String(30), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("created_at", Instant, nullable=False),
)
