"""Message and suggestion templates: `{match}`, `{suggestion}`, `{note}`, `{1}`, `{name}`."""
from __future__ import annotations

import string

_FORMATTER = string.Formatter()


class _Fields(dict):
    """Template values; a group the matching pattern does not have reads as empty (a rule's
    patterns may name different groups, and each match fills only its own)."""

    def __missing__(self, key: str) -> str:
        return ""


def check_template(template: str) -> str | None:
    """An error message when `template` is not a valid format string."""
    try:
        list(_FORMATTER.parse(template))
    except ValueError as exc:
        return f"bad template {template!r}: {exc}"
    return None


def fill(template: str, fields: dict, match=None) -> str:
    """Fill `template`; the groups of a regex match are available by number and name."""
    values = _Fields(fields)
    if match is not None:
        values.setdefault("0", match.group(0))
        for i, g in enumerate(match.groups(), 1):
            values.setdefault(str(i), g or "")
        for k, v in match.groupdict().items():
            if not k.startswith("qa_e"):
                values.setdefault(k, v or "")
    out = []
    for literal, name, spec, conv in _FORMATTER.parse(template):
        out.append(literal)
        if name is not None:
            out.append(str(values[name]))
    return "".join(out)
