"""A loaded rule pack at run time: its rules, the matchers they share (one per scope), and the
matches of one document, found once per pack and document (`doc.memo`)."""
from __future__ import annotations

from .._speed.records import field, record
from ..rules.base import Rule
from ..rules.context import Glossary
from .kinds.matcher import Matcher


@record
class Pack:
    """The rules of one pack file and the matchers they share."""

    path: str
    name: str
    glossary: Glossary
    rules: list[Rule] = field(default_factory=list)
    matchers: dict[str, Matcher] = field(default_factory=dict)
    _entities: list = field(default_factory=list)
    _forms_matcher: Matcher | None = None
    validate: bool = True               # compile every regex at load (user packs)

    def scan(self, doc) -> dict[str, list]:
        """Every match of every rule of the pack in `doc`, by rule code (computed once)."""
        return doc.memo(("pack", id(self)), self._scan)

    def _scan(self, doc) -> dict[str, list]:
        out: dict[str, list] = {}
        for scope, matcher in self.matchers.items():
            for entry, m in matcher.run(doc, scope):
                out.setdefault(entry.rule, []).append((entry, m))
        return out

    def matches(self, doc, code: str) -> list:
        return self.scan(doc).get(code, [])

    def line_around(self, doc, offset: int) -> tuple[int, int]:
        """The trimmed prose line holding `offset`."""
        from bisect import bisect_right
        lines = doc.lines
        starts = doc.memo("line-starts", lambda d: [ln.start for ln in d.lines])
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset <= lines[k].end:
            return lines[k].start, lines[k].end
        return offset, offset

    def glossary_forms_present(self, doc) -> dict[int, set]:
        """Glossary entity index -> the set of its names that occur in `doc`."""
        return doc.memo(("glossary-forms", id(self.glossary)), self._forms_present)

    def _forms_present(self, doc) -> dict[int, set]:
        if not self._entities:
            from .kinds.matcher import Entry
            for k, ent in enumerate(self.glossary.entities):
                for form in ent.forms:
                    self._entities.append(Entry(str(k), 0, form, False, True))
            self._forms_matcher = Matcher(self._entities)
        present: dict[int, set] = {}
        for entry, _m in self._forms_matcher.run(doc):
            present.setdefault(int(entry.rule), set()).add(entry.source)
        return present
