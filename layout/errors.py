"""Errors of every stage: what is wrong, where (file:line or YAML path) and how to fix it."""

from __future__ import annotations


from .i18n import _


class LayoutError(Exception):
    """An input or layout problem the user can fix; the CLI prints it without a traceback, exit 1."""

    def __init__(self, message: str, where: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += "\n  " + _("hint") + f": {self.hint}"
        return text


class ManifestError(LayoutError):
    """The issue manifest (issue.yaml) or an article file is malformed."""


class FontError(LayoutError):
    """A font is missing, unreadable, forbids embedding or lacks a character."""


class OversetError(LayoutError):
    """An article does not fit its slot."""


class PrintError(LayoutError):
    """The output does not meet the print requirements (PDF/X, colour, ink)."""
