"""Message and suggestion templates: `{match}`, `{suggestion}`, `{note}`, `{1}`, `{name}`."""
from __future__ import annotations

import string

_FORMATTER = string.Formatter()
_BRACKETS = {"(": ")", "[": "]"}


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


def field_names(template: str) -> list[str]:
    """The fields a (valid) template names, in order."""
    return [name for _, name, _, _ in _FORMATTER.parse(template) if name is not None]


def group_fields(compiled_patterns) -> list[str]:
    """The fields the groups of a match of any of these compiled regexes fill: `0`, the
    numbered groups, the named groups (as `fill` sets them)."""
    count = max((p.groups for p in compiled_patterns), default=0)
    names = sorted({k for p in compiled_patterns for k in p.groupindex if not k.startswith("qa_e")})
    return ["0", *(str(i) for i in range(1, count + 1)), *names]


def unknown_field(template: str, known: list[str]) -> str | None:
    """An error message when `template` names a field that is not in `known`."""
    for name in field_names(template):
        if name not in known:
            listed = ", ".join("{" + k + "}" for k in known)
            return f"template {template!r} names an unknown field {{{name}}} (known: {listed})"
    return None


def fill(template: str, fields: dict, match=None) -> str:
    """Fill `template`; the groups of a regex match are available by number and name.

    A field that comes out empty between brackets takes the brackets (and the space before
    them) with it: "write 'X' ({note})" with no note reads "write 'X'"."""
    values = _Fields(fields)
    if match is not None:
        values.setdefault("0", match.group(0))
        for i, g in enumerate(match.groups(), 1):
            values.setdefault(str(i), g or "")
        for k, v in match.groupdict().items():
            if not k.startswith("qa_e"):
                values.setdefault(k, v or "")
    parts = list(_FORMATTER.parse(template))
    out = []
    drop_close = False
    for k, (literal, name, _spec, _conv) in enumerate(parts):
        if drop_close:
            literal, drop_close = literal[1:], False
        if name is None:
            out.append(literal)
            continue
        value = str(values[name])
        after = parts[k + 1][0] if k + 1 < len(parts) else ""
        if not value and literal[-1:] in _BRACKETS and after[:1] == _BRACKETS[literal[-1]]:
            literal, drop_close = literal[:-1].rstrip(" "), True
        out.append(literal)
        out.append(value)
    return "".join(out)
