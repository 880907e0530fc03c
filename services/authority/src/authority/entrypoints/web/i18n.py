"""Language choice and lookup: Danish by default, English on request (?lang=en or cookie)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from authority.entrypoints.web.catalogue_changes import CHANGES_DA, CHANGES_EN
from authority.entrypoints.web.catalogue_coordination import COORDINATION_DA, COORDINATION_EN
from authority.entrypoints.web.catalogue_da import DA
from authority.entrypoints.web.catalogue_dashboard import DASHBOARD_DA, DASHBOARD_EN
from authority.entrypoints.web.catalogue_decision import DECISION_DA, DECISION_EN
from authority.entrypoints.web.catalogue_en import EN
from authority.entrypoints.web.catalogue_intake import INTAKE_DA, INTAKE_EN
from authority.entrypoints.web.catalogue_people import PEOPLE_DA, PEOPLE_EN
from authority.entrypoints.web.catalogue_plan import PLAN_DA, PLAN_EN
from authority.entrypoints.web.catalogue_search import SEARCH_DA, SEARCH_EN
from authority.entrypoints.web.catalogue_settlement import SETTLEMENT_DA, SETTLEMENT_EN
from authority.entrypoints.web.catalogue_steps import STEPS_DA, STEPS_EN

CATALOGUES: dict[str, dict[str, str]] = {
    # the later steps' texts first: a label an earlier form already has keeps its text
    "da": STEPS_DA
    | DA
    | INTAKE_DA
    | DECISION_DA
    | PLAN_DA
    | SEARCH_DA
    | CHANGES_DA
    | COORDINATION_DA
    | DASHBOARD_DA
    | PEOPLE_DA
    | SETTLEMENT_DA,
    "en": STEPS_EN
    | EN
    | INTAKE_EN
    | DECISION_EN
    | PLAN_EN
    | SEARCH_EN
    | CHANGES_EN
    | COORDINATION_EN
    | DASHBOARD_EN
    | PEOPLE_EN
    | SETTLEMENT_EN,
}
DEFAULT = "da"
COOKIE = "samspil_lang"

Translate = Callable[..., str]


def language(request: Request) -> str:
    """The query parameter wins (it is how the toggle works), then the cookie, then Danish."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if candidate in CATALOGUES:
            return candidate
    return DEFAULT


def translator(lang: str) -> Translate:
    catalogue = CATALOGUES.get(lang, CATALOGUES[DEFAULT])

    def t(key: str, **values: object) -> str:
        # A missing key shows itself rather than failing the page: tests catch it.
        text = catalogue.get(key) or CATALOGUES[DEFAULT].get(key) or key
        return text.format(**values) if values else text

    return t


def error_text(t: Translate, code: str, fallback: str) -> str:
    """A domain error in the user's language when the catalogue knows its code."""
    key = f"error.{code}"
    found = t(key)
    return fallback if found == key else found


def error_texts() -> dict[str, dict[str, str]]:
    """Each refusal code's text per language, for problem+json answers of the API (texts
    that need values filled in are left to the pages that have them)."""
    return {
        lang: {
            key.removeprefix("error."): text
            for key, text in catalogue.items()
            if key.startswith("error.") and "{" not in text
        }
        for lang, catalogue in CATALOGUES.items()
    }
