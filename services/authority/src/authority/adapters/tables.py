"""The authority's own tables: child keys, the access log and the read models.

Read models hold no names or CPR numbers in clear: a case row shows the child's initials.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
Id = sa.Uuid(as_uuid=True)
Instant = sa.DateTime(timezone=True)

# One data key per child (a child may have several cases), wrapped with the KEK. ``lookup``
# is a keyed hash of the CPR number, so a second case finds the child's key without the
# number being stored; both go when the child is erased.
child_keys = sa.Table(
    "child_keys",
    metadata,
    sa.Column("child_id", Id, primary_key=True),
    sa.Column("lookup", sa.String(64), unique=True),
    sa.Column("wrapped", sa.JSON, nullable=False),  # the data key sealed with the KEK
    sa.Column("created_at", Instant, nullable=False),
)
# Which child a case is about: random ids only, kept after erasure (the case stays erased).
case_children = sa.Table(
    "case_children",
    metadata,
    sa.Column("case_id", Id, primary_key=True),
    sa.Column("child_id", Id, nullable=False, index=True),
)
# Which providers hold the child's key: each gets a tombstone when the child is erased.
key_grants = sa.Table(
    "key_grants",
    metadata,
    sa.Column("child_id", Id, primary_key=True),
    sa.Column("provider_id", Id, primary_key=True),
    sa.Column("granted_at", Instant, nullable=False),
)
# Every citizen (child, parent, guardian) of a case by keyed hash of the CPR number: the
# access log can be exported per citizen. Dropped with the child's key.
citizen_index = sa.Table(
    "citizen_index",
    metadata,
    sa.Column("lookup", sa.String(64), primary_key=True),
    sa.Column("case_id", Id, primary_key=True),
    sa.Column("relation", sa.String(20), nullable=False),
)
access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
    sa.Column("case_id", Id, nullable=False, index=True),
    sa.Column("user_id", sa.String(200), nullable=False),
    sa.Column("role", sa.String(40), nullable=False),
    sa.Column("what", sa.String(20), nullable=False, server_default="cpr"),  # cpr | case_file
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", Instant, nullable=False),
    # A look at the persons by someone outside the case's team: on the team leader's list.
    sa.Column("flagged", sa.Boolean, nullable=False, server_default=sa.false()),
)
# The case search's blind index: keyed hashes (HMAC, a key derived from the data master
# secret) of the child's normalised name words and CPR number, never the values. Rewritten
# with the case's row (so rebuilt with it from the log); an erased child has none.
case_search = sa.Table(
    "case_search",
    metadata,
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("case_id", Id, primary_key=True, index=True),
)
# Signed-out tokens (their ``jti``) until they expire: a copied cookie is refused after it.
revoked_tokens = sa.Table(
    "revoked_tokens",
    metadata,
    sa.Column("token_id", sa.String(200), primary_key=True),
    sa.Column("expires_at", Instant, nullable=False, index=True),
)
# Documents' bytes (attachments, decision letters), sealed with the child's key before they
# get here: AES-256-GCM, the 12-byte nonce first. ``kid`` names the key (``child:<id>``).
document_blobs = sa.Table(
    "document_blobs",
    metadata,
    sa.Column("blob_id", Id, primary_key=True),
    sa.Column("kid", sa.String(100), nullable=False),
    sa.Column("sealed", sa.LargeBinary, nullable=False),
    sa.Column("created_at", Instant, nullable=False),
)
# Teams are the municipality's organisation, known from sign-in (the token's team claim).
caseworker_teams = sa.Table(
    "caseworker_teams",
    metadata,
    sa.Column("caseworker_id", sa.String(200), primary_key=True),
    sa.Column("team", sa.String(200), nullable=False, index=True),
)
# The directory of users (brugerkatalog): each user's name and title as the identity
# provider's claims said at their latest sign-in, shown instead of the user id. Staff only,
# never a citizen; the team is ``caseworker_teams``'.
people = sa.Table(
    "people",
    metadata,
    sa.Column("user_id", sa.String(200), primary_key=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("title", sa.String(200)),
    sa.Column("seen_at", Instant, nullable=False),
)


def _view(name: str, key: str, *columns: sa.Column[object]) -> sa.Table:
    return sa.Table(
        f"view_{name}",
        metadata,
        sa.Column(key, Id, primary_key=True),
        *columns,
        sa.Column("revision", sa.Integer, nullable=False),
    )


VIEWS: dict[str, sa.Table] = {
    "cases": _view(
        "cases",
        "case_id",
        sa.Column("child_initials", sa.String(20), nullable=False),
        sa.Column("status", sa.String(40), nullable=False, index=True),
        sa.Column("caseworker_id", sa.String(200), nullable=False, index=True),
        # For an unambiguous list: the case number (sagsnummer, the first 8 hex digits of
        # the case id), the child's birth year (never the CPR number), when the case was
        # opened and the measure of its latest decision. None on rows written before them
        # until ``python -m authority rebuild cases``.
        sa.Column("case_number", sa.String(8), index=True),
        sa.Column("birth_year", sa.Integer),
        sa.Column("opened_at", Instant, index=True),
        sa.Column("measure", sa.String(20), index=True),
    ),
    "orders": _view(
        "orders",
        "order_id",
        sa.Column("case_id", Id, index=True),
        sa.Column("decision_id", Id),
        sa.Column("provider_id", Id, index=True),
        sa.Column("measure", sa.String(20)),
        sa.Column("status", sa.String(20), index=True),
        sa.Column("version", sa.Integer),
    ),
    "contracts": _view(
        "contracts",
        "contract_id",
        sa.Column("case_id", Id, index=True),
        sa.Column("order_id", Id),
        sa.Column("provider_id", Id, index=True),
        sa.Column("version", sa.Integer),
        sa.Column("in_force", sa.Boolean),
        sa.Column("terminated", sa.Boolean),
    ),
    "followups": _view(
        "followups",
        "followup_id",
        sa.Column("contract_id", Id, index=True),
        sa.Column("case_id", Id, index=True),
        sa.Column("due_on", sa.Date, index=True),
        sa.Column("has_report", sa.Boolean),
        sa.Column("outcome", sa.String(20)),
    ),
    "concerns": _view(
        "concerns",
        "concern_id",
        sa.Column("case_id", Id, index=True),
        sa.Column("contract_id", Id),
        sa.Column("kind", sa.String(40)),
        sa.Column("urgency", sa.String(20)),
        sa.Column("received_at", Instant),
        sa.Column("acknowledged_by", sa.String(200)),
    ),
    "claims": _view(
        "claims",
        "claim_id",
        sa.Column("contract_id", Id, index=True),
        sa.Column("provider_id", Id),
        sa.Column("case_id", Id, index=True),
        sa.Column("status", sa.String(20)),
        sa.Column("total_oere", sa.BigInteger),
        sa.Column("period_start", sa.Date, index=True),
        sa.Column("period_end", sa.Date),
        sa.Column("problems", sa.JSON),
        # Settlement by the contract's terms: the version checked against, each line's kind,
        # amounts and outcome (no descriptions: they may name the child), what is payable
        # after credit notes, and the payment deadline until paid.
        sa.Column("contract_version", sa.Integer),
        sa.Column("lines", sa.JSON),
        sa.Column("credited_oere", sa.BigInteger),
        sa.Column("payable_oere", sa.BigInteger),
        sa.Column("payment_due_on", sa.Date),
        sa.Column("paid_on", sa.Date),
    ),
    "standard_contracts": _view(
        "standard_contracts",
        "standard_contract_id",
        sa.Column("provider_id", Id, index=True),
        sa.Column("measure", sa.String(20)),
        sa.Column("places", sa.Integer),
        sa.Column("price_per_unit_oere", sa.BigInteger),
        sa.Column("unit", sa.String(20)),
        sa.Column("price_regulation", sa.Text),
        sa.Column("start", sa.Date),
        sa.Column("duration_months", sa.Integer),
        sa.Column("authority_signed", sa.Boolean),
        sa.Column("provider_signed", sa.Boolean),
        sa.Column("in_force", sa.Boolean),
    ),
    # Notifications of concern (underretninger): the intake list, soonest deadline first.
    "notifications": _view(
        "notifications",
        "notification_id",
        sa.Column("case_id", Id, index=True),
        sa.Column("received_at", Instant, nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("reporter_kind", sa.String(40), nullable=False),
        sa.Column("child_initials", sa.String(20), nullable=False),
        sa.Column("assessed_at", Instant),
        sa.Column("in_danger", sa.Boolean),
        sa.Column("acute_action_needed", sa.Boolean),
        sa.Column("receipt_owed", sa.Boolean, nullable=False),
        sa.Column("receipt_sent_at", Instant),
        sa.Column("assessment_due_at", Instant, index=True),
        sa.Column("receipt_due_at", Instant),
    ),
    # Deadlines the scheduler announced (fristliste): open ones on My work and the case page.
    "deadlines": _view(
        "deadlines",
        "deadline_id",
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("case_id", Id, index=True),
        sa.Column("order_id", Id),
        sa.Column("contract_id", Id),
        sa.Column("provider_id", Id),
        sa.Column("due_at", Instant, nullable=False, index=True),
        sa.Column("warn_at", Instant),
        sa.Column("phase", sa.String(20)),  # the latest phase fired, if any
        sa.Column("status", sa.String(20), nullable=False, index=True),  # open|met|cancelled
        sa.Column("closed_at", Instant),
        sa.Column("subject", sa.String(200)),  # what it is about, e.g. a change request id
    ),
    "providers": _view(
        "providers",
        "provider_id",
        sa.Column("name", sa.String(200)),
        sa.Column("kind", sa.String(20)),
        sa.Column("material", sa.JSON),
    ),
}
