"""Regular expressions shared by rule packs and code rules: literal phrases, and the English
month and weekday names of dates (regex source, for building larger patterns)."""
from __future__ import annotations

import re

from .._speed.regex import regex_compile

_WORDCHAR = regex_compile(r"[\p{L}\p{N}_]")

# A month's name, full or abbreviated ("Sept." too), not the start of a longer word.
MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
         r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


def literal_pattern(phrase: str, case_sensitive: bool) -> str:
    """A regex for a literal phrase: flexible inner white space, word boundaries at word ends."""
    body = r"\s+".join(re.escape(p) for p in phrase.split())
    body = body.replace("’", "['’]").replace(r"\'", "['’]")
    if phrase[:1] and _WORDCHAR.match(phrase[0]):
        body = r"(?<![\p{L}\p{N}_])" + body
    if phrase[-1:] and _WORDCHAR.match(phrase[-1]):
        body += r"(?![\p{L}\p{N}_])"
    return body if case_sensitive else "(?i:" + body + ")"
