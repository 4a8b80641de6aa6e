"""User-facing errors: each carries enough to print one clear line and exit with status 2."""
from __future__ import annotations


class QAError(Exception):
    """Base class of every error the CLI turns into one stderr line and exit status 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return where + self.message


class UsageError(QAError):
    """A bad command line: unknown option value, unknown rule selector."""


class InputError(QAError):
    """A file that cannot be read or decoded."""


class ConfigError(QAError):
    """A configuration file that cannot be parsed or has an unknown key or a wrong type."""


class RulePackError(QAError):
    """A rule pack or glossary that cannot be loaded."""


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived during a check: raised by the CLI's handler so that cleanup runs (forked
    workers stopped, temporary files removed); code that handles an interrupt handles it."""
