"""Per-rule case files: `tests/cases/<CODE>.toml`, one per rule, run by test_rule_cases.py.

A case file holds a rule's cases: an input text, the exact findings the rule must give on it
(line, column, end, text and suggestion), and optionally the text after its fixes:

    rule = "DU01"

    [[case]]
    name = "a doubled article"
    text = "The plant opens in the the spring.\\n"
    fixed = "The plant opens in the spring.\\n"        # optional: after every fix (safe and unsafe)
    [[case.finding]]
    line = 1
    column = 20
    end_line = 1
    end_column = 27
    text = "the the"
    suggestion = "the"                                 # optional: omit when there is none

    [[case]]
    name = "grammatical double"
    text = "She had had enough.\\n"                    # no [[case.finding]]: no finding

Optional per case: `format` (text, markdown, html), `options` (the rule's options as in
config), `glossaries`/`packs` (paths relative to tests/cases), and `source` (bilingual mode: the
Chinese original the text is checked against; a finding then also states the `source` text it
names, when it names one). `scripts/new_rule.py` writes a
case file for a new rule; `scripts/rule_cases.py CODE` prints the findings a text gives, in
this shape, for review before they are pasted in.
"""
from __future__ import annotations

import os
import tomllib

CASES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
FINDING_KEYS = ("line", "column", "end_line", "end_column", "text", "suggestion", "source")


def case_files() -> dict[str, str]:
    """Rule code -> path of its case file."""
    out = {}
    for name in sorted(os.listdir(CASES_DIR)):
        if name.endswith(".toml"):
            out[name[:-5]] = os.path.join(CASES_DIR, name)
    return out


def load_cases(path: str) -> list[dict]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    code = os.path.basename(path)[:-5]
    if data.get("rule") != code:
        raise ValueError(f"{path}: rule = {data.get('rule')!r}, but the file is named for {code}")
    cases = data.get("case", [])
    if not cases:
        raise ValueError(f"{path}: no [[case]]")
    for case in cases:
        unknown = set(case) - {"name", "text", "format", "options", "finding", "fixed",
                               "glossaries", "packs", "source"}
        if unknown:
            raise ValueError(f"{path}: case {case.get('name')!r}: unknown key {sorted(unknown)[0]!r}")
        case["rule"] = code
    return cases


def finding_record(f) -> dict:
    """What a case file states of a Finding."""
    out = {"line": f.line, "column": f.column, "end_line": f.location.end_line,
           "end_column": f.location.end_column, "text": f.text}
    if f.suggestion is not None:
        out["suggestion"] = f.suggestion
    if getattr(f, "source", None) is not None:
        out["source"] = f.source.text
    return out


def toml_string(s: str) -> str:
    """A TOML basic string for any text."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render_case(name: str, text: str, findings: list[dict], fixed: str | None = None,
                fmt: str = "text", source: str | None = None) -> str:
    """One [[case]] table in the case-file shape."""
    lines = ["[[case]]", f"name = {toml_string(name)}", f"text = {toml_string(text)}"]
    if source is not None:
        lines.append(f"source = {toml_string(source)}")
    if fmt != "text":
        lines.append(f"format = {toml_string(fmt)}")
    if fixed is not None:
        lines.append(f"fixed = {toml_string(fixed)}")
    for f in findings:
        lines.append("[[case.finding]]")
        for key in FINDING_KEYS:
            if key in f:
                value = f[key]
                lines.append(f"{key} = {toml_string(value) if isinstance(value, str) else value}")
    return "\n".join(lines) + "\n"
