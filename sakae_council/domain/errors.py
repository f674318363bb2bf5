"""Typed errors raised by services and domain rules; messages are Japanese and meant for the user."""

from __future__ import annotations


class DomainError(Exception):
    """Base class: ``message`` is shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """An input is wrong; ``field`` names the form field the message belongs next to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class NotFoundError(DomainError):
    """The record asked for does not exist (any more)."""


class ConflictError(DomainError):
    """Someone else changed the record since it was read, or the change collides with existing data."""

    def __init__(self, message: str, *, current: object | None = None) -> None:
        super().__init__(message)
        self.current = current


class StorageError(DomainError):
    """The database file cannot be used (damaged, too new, locked)."""


class PermissionDeniedError(DomainError):
    """The signed-in user's role may not make this change (shared server: 閲覧のみ, another district...)."""


class StaleVersionError(ConflictError):
    """A save lost the race: the row changed (or vanished) between reading and writing it."""
