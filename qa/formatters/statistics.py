"""`--statistics`: the count of findings per rule, as a table (text formats) or JSON."""
from __future__ import annotations

import json
from collections import Counter

from .safe_text import json_safe, shown


def rows(report) -> list[tuple[int, str, str, str]]:
    """(count, code, name, severity) of each rule with active findings, most frequent first."""
    counts: Counter = Counter()
    for _, f in report.findings():
        counts[(f.rule, f.name, f.severity)] += 1
    return [(n, code, name, sev) for (code, name, sev), n in
            sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def table(report) -> list[str]:
    """'  3  BP01  web-leftover [warning]' lines, then a blank line (none when nothing found)."""
    found = rows(report)
    width = max((len(str(n)) for n, *_ in found), default=1)
    out = [f"{n:>{width}}  {shown(code):<5} {shown(name)} [{sev}]" for n, code, name, sev in found]
    return out + ([""] if out else [])


def as_json(report) -> str:
    """A JSON list of {code, name, severity, count}, as ruff prints for --statistics."""
    data = [{"code": code, "name": name, "severity": sev, "count": n}
            for n, code, name, sev in rows(report)]
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
