"""Refusals of the scheduler domain."""


class DomainError(Exception):
    """A command the domain refuses. `code` is stable snake_case (the problem+json type)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"DomainError({self.code!r}, {self.message!r})"
