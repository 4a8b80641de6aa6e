"""Output formats: each a module with `render(report, options) -> str`, chosen by name.

Adding a format means adding a module and a line here; no formatter knows a rule, they
read only the Report.
"""
from __future__ import annotations

import importlib

from .._speed.records import record

FORMATS: dict[str, str] = {
    "text": "full",
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
    "html": "html_report",
    "junit": "junit",
    "gitlab": "gitlab",
    "rdjson": "rdjson",
}


@record(frozen=True)
class FormatOptions:
    color: bool = False
    show_source: bool = True
    statistics: bool = False
    show_fixes: bool = True


def available_formats() -> list[str]:
    return sorted(FORMATS)


def get_formatter(name: str):
    """The module rendering format `name` (KeyError when unknown)."""
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


def render(name: str, report, options: FormatOptions | None = None) -> str:
    return get_formatter(name).render(report, options or FormatOptions())


def write(name: str, report, options: FormatOptions, out) -> None:
    """Write format `name` to the stream `out`, piece by piece where the format can."""
    formatter = get_formatter(name)
    if hasattr(formatter, "stream"):
        formatter.stream(report, options, out.write)
    else:
        out.write(formatter.render(report, options))
