"""The fixed vocabulary of finding categories and severities shared by every rule and output."""
from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "duplication",
    "name-consistency",
    "title",
    "terminology",
    "translationese",
    "untranslated",
    "punctuation",
    "encoding",
    "boilerplate",
    "person-name",
    "garbled",
    "style",
    "grammar",
    "accuracy",
)

CATEGORY_HELP: dict[str, str] = {
    "duplication": "the same word, phrase, list item or sentence written twice",
    "name-consistency": "one organisation, event or acronym written several ways",
    "title": "a headline that breaks wire conventions",
    "terminology": "a wrong official name or a deprecated term",
    "translationese": "stock phrases of Chinese-English machine translation",
    "untranslated": "Chinese text left in the English copy",
    "punctuation": "full-width or Chinese punctuation in English copy",
    "encoding": "mojibake and broken characters",
    "boilerplate": "web page furniture and photo captions left in the text",
    "person-name": "a mangled, truncated or inconsistent personal name",
    "garbled": "fragments with no grammatical role",
    "style": "house-style points an editor would change",
    "grammar": "grammar a machine can be sure of ('a important', 'the two sides agrees')",
    "accuracy": "the English disagrees with its Chinese source (numbers, dates, names, omissions)",
}

SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}


def severity_at_least(severity: str, threshold: str) -> bool:
    """True when `severity` is as serious as `threshold` or more."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
