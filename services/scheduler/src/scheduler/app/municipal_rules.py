"""A municipality's deadline rules as a versioned document, and which rules a deadline uses.

Rules are configuration with a history, not an aggregate with invariants across commands:
each change appends version N+1 of the whole document (who, when, why) and never updates a
row, so "which rules were in force when this deadline was set?" is one query, and a stale
edit (based on an older version) is refused. A municipality with no row has the defaults
from the seeds and the law (`DEFAULT_RULES`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Annotated

from eventkit import Transaction
from pydantic import BaseModel, ConfigDict, Field
from servicekit.inputs import Day

from scheduler.app.ports import RulesStore
from scheduler.domain import DEFAULT_RULES, DomainError, Rules, WorkingCalendar, lawful

MonthDay = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
Months = Annotated[int, Field(ge=1, le=24)]
WorkingDays = Annotated[int, Field(ge=1, le=60)]
Days = Annotated[int, Field(ge=0, le=180)]
MUNICIPALITY_CODE = r"^\d{3}$"  # kommunekode, e.g. 101 København, 751 Aarhus


class RuleSettings(BaseModel):
    """The rules a municipality may set; the rest (time of day, roll directions) is fixed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    first_follow_up_months: Months
    follow_up_interval_months: Months
    status_report_working_days_before: WorkingDays
    order_answer_working_days: WorkingDays
    order_receipt_working_days: WorkingDays
    investigation_limit_months: Months
    investigation_warning_days: Days
    action_plan_months: Months
    contract_expiry_warning_days: Days
    payment_days: Annotated[int, Field(ge=1, le=120)]
    grundlovsdag_closed: bool
    # Bounded so a year keeps its working days: every deadline counted in them can be met.
    closing_days: tuple[Day, ...] = Field(default=(), max_length=100)
    annual_closing_days: tuple[MonthDay, ...] = Field(default=(), max_length=60)

    def to_rules(self) -> Rules:
        """The domain's rules; refuses settings outside the law."""
        calendar = WorkingCalendar(
            closing_days=frozenset(self.closing_days),
            grundlovsdag_closed=self.grundlovsdag_closed,
            annual_closing_days=frozenset(
                (int(md[:2]), int(md[3:])) for md in self.annual_closing_days
            ),
        )
        values = self.model_dump(
            exclude={"grundlovsdag_closed", "closing_days", "annual_closing_days"}
        )
        if self.order_receipt_working_days > self.order_answer_working_days:
            raise DomainError("rule_out_of_range", "receipt cannot be due after the answer")
        return lawful(replace(DEFAULT_RULES, calendar=calendar, **values))

    @classmethod
    def of(cls, rules: Rules) -> RuleSettings:
        cal = rules.calendar
        return cls(
            **{name: getattr(rules, name) for name in _INTS},
            grundlovsdag_closed=cal.grundlovsdag_closed,
            closing_days=tuple(sorted(cal.closing_days)),
            annual_closing_days=tuple(
                f"{m:02d}-{d:02d}" for m, d in sorted(cal.annual_closing_days)
            ),
        )


_INTS = tuple(
    name
    for name in RuleSettings.model_fields
    if name not in {"grundlovsdag_closed", "closing_days", "annual_closing_days"}
)
DEFAULT_SETTINGS = RuleSettings.of(DEFAULT_RULES)
_PARSED_MAX = 1024  # (municipality, version) pairs; ~98 municipalities, few versions each


class RulesVersion(BaseModel):
    municipality: str
    version: int  # 0: the defaults, never changed
    settings: RuleSettings
    changed_by: str | None = None
    changed_at: datetime | None = None
    reason: str | None = None


class MunicipalRules:
    def __init__(self, store: RulesStore) -> None:
        self.store = store
        # A stored version never changes (versions are only appended), so its parsed rules
        # stay right whichever replica appended it; only committed versions are ever asked
        # for by number (intake reads rules, it never writes them).
        self._parsed: dict[tuple[str, int], Rules] = {}

    async def current(self, tx: Transaction, municipality: str) -> RulesVersion:
        found = await self.store.latest(tx, municipality)
        return found or RulesVersion(
            municipality=municipality, version=0, settings=DEFAULT_SETTINGS
        )

    async def rules_for(
        self, tx: Transaction, municipality: str | None, version: int | None = None
    ) -> Rules:
        """The municipality's rules in force; with ``version`` (known to be the one in
        force), those of that version, parsed once per process."""
        if municipality is None:
            return DEFAULT_RULES
        if version is None:
            return (await self.current(tx, municipality)).settings.to_rules()
        key = (municipality, version)
        rules = self._parsed.get(key)
        if rules is None:
            found = await self.store.at(tx, municipality, version) if version else None
            if version and found is None:  # never stored (a caller's mistake): no caching
                return (await self.current(tx, municipality)).settings.to_rules()
            rules = (found.settings if found else DEFAULT_SETTINGS).to_rules()
            if len(self._parsed) >= _PARSED_MAX:
                self._parsed.clear()
            self._parsed[key] = rules
        return rules

    async def history(self, tx: Transaction, municipality: str) -> list[RulesVersion]:
        return await self.store.history(tx, municipality)

    async def change(self, tx: Transaction, based_on: int, new: RulesVersion) -> RulesVersion:
        """Appends `new` as the version after `based_on`; a stale `based_on` is refused, and
        so are rules outside the law or a calendar closed for longer than any office is."""
        calendar = new.settings.to_rules().calendar  # validate before storing
        now = (new.changed_at or datetime.now(UTC)).year
        calendar.refuse_long_closures([now, now + 1, *(d.year for d in calendar.closing_days)])
        current = await self.current(tx, new.municipality)
        if current.version != based_on:
            raise DomainError(
                "stale_rules_version", f"the rules are at version {current.version}, not {based_on}"
            )
        saved = new.model_copy(update={"version": based_on + 1})
        await self.store.append(tx, saved)
        return saved
