"""Refusals of the authority domain, and the small guards that raise them."""

from collections.abc import Iterable, Sized


class DomainError(Exception):
    """A command the domain refuses. `code` is stable snake_case (the problem+json type)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"DomainError({self.code!r}, {self.message!r})"


def require(condition: bool, code: str, message: str) -> None:
    """Refuse with `code` unless `condition` holds."""
    if not condition:
        raise DomainError(code, message)


def require_text(value: str | None, field: str) -> str:
    """A free-text field that must say something; blank is as good as missing."""
    require(value is not None and value.strip() != "", f"{field}_required", f"{field} is required")
    assert value is not None  # narrowed by the guard above
    return value


def require_some(items: Sized, field: str) -> None:
    require(len(items) > 0, f"{field}_required", f"at least one {field} is required")


def require_unique(ids: Iterable[object], field: str) -> None:
    seen = list(ids)
    require(len(seen) == len(set(seen)), f"duplicate_{field}", f"each {field} must be unique")
