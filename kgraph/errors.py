"""One exception hierarchy for mistakes a user can make; the CLI prints them as one line."""

from __future__ import annotations

from pathlib import Path


def escape_controls(text: str) -> str:
    """Text that cannot forge a line or drive a terminal: every character that does not print
    (newlines, escape sequences) written as its Python escape."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class KgraphError(Exception):
    """A problem with the user's input or options, reported without a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class DocumentError(KgraphError):
    """A document that cannot be read or is not a summary; it is skipped, the rest still builds."""


class UsageError(KgraphError):
    """Bad options or arguments (exit code 2)."""


class AliasFileError(UsageError):
    """A malformed `--aliases` TOML file."""


class QueryError(UsageError):
    """A SPARQL query that does not parse or cannot run."""


class EndpointError(KgraphError):
    """A SPARQL endpoint that is unreachable or answers with an HTTP error."""


class EndpointUrlError(UsageError):
    """An endpoint URL that is not a valid http(s) URL (exit code 2)."""
