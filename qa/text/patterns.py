"""Regular expressions for literal phrases, shared by rule packs and code rules."""
from __future__ import annotations

import re

from .._speed.regex import regex_compile

_WORDCHAR = regex_compile(r"[\p{L}\p{N}_]")


def literal_pattern(phrase: str, case_sensitive: bool) -> str:
    """A regex for a literal phrase: flexible inner white space, word boundaries at word ends."""
    body = r"\s+".join(re.escape(p) for p in phrase.split())
    body = body.replace("’", "['’]").replace(r"\'", "['’]")
    if phrase[:1] and _WORDCHAR.match(phrase[0]):
        body = r"(?<![\p{L}\p{N}_])" + body
    if phrase[-1:] and _WORDCHAR.match(phrase[-1]):
        body += r"(?![\p{L}\p{N}_])"
    return body if case_sensitive else "(?i:" + body + ")"
