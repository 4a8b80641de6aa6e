"""The one error the .docx layer raises: a file it cannot or will not read, in one line."""
from __future__ import annotations


class DocxError(Exception):
    """A .docx that cannot be read (corrupt, encrypted, old .doc, over a size limit, unsafe XML).

    ``reason`` is one line without the path; ``str(error)`` is ``"path: reason"`` when the path
    is known. The CLI prints it and exits with status 2, as it does for other input errors.
    """

    def __init__(self, reason: str, path: str | None = None) -> None:
        reason = " ".join(str(reason).split())  # always one line
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason
