"""The dashboard's deadline table as a spreadsheet: CSV (semicolon-separated, UTF-8 with a
byte order mark, as Danish Excel opens it) or XLSX (openpyxl). The same words as the page."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from authority.app.readmodels import KindFigure
from authority.entrypoints.web.dashboard_figures import Asked, share, verdict
from authority.entrypoints.web.i18n import Translate

Cell = str | int | float | None
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A spreadsheet runs a cell starting with one of these as a formula (openpyxl writes it as
# one): a team's name, typed at sign-in, is written as text with a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("kind", "met", "on_time", "on_time_share", "late", "open", "at_risk", "overdue")


def table(t: Translate, asked: Asked, scope: str, rows: Sequence[KindFigure]) -> list[list[Cell]]:
    """A title block (period, scope), the header and one row per deadline kind."""
    period = asked.period
    head: list[list[Cell]] = [
        [t("dash.title")],
        [t("dash.period"), period.start.isoformat(), period.end.isoformat()],
        [t("dash.team"), scope],
        [],
        [*(t(f"dash.col.{c}") for c in COLUMNS), t("dash.col.verdict")],
    ]
    return [[_cell(c) for c in r] for r in head + [_row(t, k) for k in rows]]


def _cell(value: Cell) -> Cell:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _row(t: Translate, k: KindFigure) -> list[Cell]:
    on_time = share(k.on_time, k.met)
    rounded = None if on_time is None else round(on_time * 100, 1)
    counts: list[Cell] = [k.met, k.on_time, rounded, k.late, k.open, k.at_risk, k.overdue]
    return [t(f"deadline.{k.kind}"), *counts, t(f"dash.verdict.{verdict(k)}")]


def as_csv(rows: list[list[Cell]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([["" if c is None else c for c in r] for r in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(rows: list[list[Cell]], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = title[:31]  # Excel's limit on a sheet's name
    for r in rows:
        sheet.append(r)
    sheet["A1"].font = Font(bold=True, size=14)
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
