"""Hits (what a rule reports, in prose offsets) and Findings (what a report carries, in file
offsets with lines and columns), plus the fix data attached to them."""
from __future__ import annotations

from ._speed.records import field, record

SAFE = "safe"
UNSAFE = "unsafe"
APPLICABILITIES = (SAFE, UNSAFE)


@record(frozen=True, slots=True)
class Hit:
    """One defect as a rule sees it: a prose span, a message and what to write instead.

    `related` holds other prose spans that belong to the same defect (the other variants of
    a name, the first occurrence of a repeated sentence), each with a short note.
    `fix` replaces the span with that text when set; `fix_safety` says whether `--fix`
    may apply it without `--unsafe-fixes`. In bilingual mode `source_span` is the span of the
    Chinese source (in its Document's prose) that the finding is about.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    related: tuple[tuple[int, int, str], ...] = ()
    fix: str | None = None
    fix_safety: str = UNSAFE
    source_span: tuple[int, int] | None = None     # the span of the Chinese source (its prose)


@record(frozen=True, slots=True)
class Location:
    """A place in a file: code-point offsets (end exclusive) and 1-based lines and columns."""

    offset: int
    end_offset: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    note: str = ""

    def to_dict(self) -> dict:
        d = {"offset": self.offset, "end_offset": self.end_offset, "line": self.line,
             "column": self.column, "end_line": self.end_line, "end_column": self.end_column,
             "text": self.text}
        if self.note:
            d["message"] = self.note
        return d


@record(frozen=True, slots=True)
class Edit:
    """Replace file[offset:end_offset] with `text`."""

    offset: int
    end_offset: int
    text: str


@record(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: str          # safe | unsafe
    title: str = ""

    def to_dict(self) -> dict:
        return {"applicability": self.applicability, "title": self.title,
                "edits": [{"offset": e.offset, "end_offset": e.end_offset, "text": e.text}
                          for e in self.edits]}


@record(frozen=True, slots=True)
class Finding:
    """A defect in a file, ready for every output format."""

    rule: str
    name: str
    category: str
    severity: str
    message: str
    location: Location
    suggestion: str | None = None
    related: tuple[Location, ...] = ()
    fix: Fix | None = None
    suppressed: bool = False            # silenced by an inline directive (kept for SARIF)
    fingerprint: str = field(default="", compare=False)
    source: Location | None = None      # bilingual mode: the span of the Chinese source file
    source_path: str | None = None      # ... and that file's path

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def offset(self) -> int:
        return self.location.offset

    @property
    def end_offset(self) -> int:
        return self.location.end_offset

    @property
    def text(self) -> str:
        return self.location.text

    def sort_key(self) -> tuple:
        return (self.location.offset, self.location.end_offset, self.rule, self.message)

    def to_dict(self) -> dict:
        loc = self.location
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "offset": loc.offset,
            "end_offset": loc.end_offset,
            "text": loc.text,
            "suggestion": self.suggestion,
            "related": [r.to_dict() for r in self.related],
            "fix": self.fix.to_dict() if self.fix else None,
            "fingerprint": self.fingerprint,
            **({"source": {"path": self.source_path, **self.source.to_dict()}}
               if self.source is not None else {}),
        }
