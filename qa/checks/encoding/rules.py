"""Encoding damage: mojibake (UTF-8 read as Windows-1252 or Latin-1) and lost characters.

EN01 finds runs of characters that are the Windows-1252 / Latin-1 reading of UTF-8 byte
sequences ("â€™" for ’, "Ã©" for é, "ä¸­å›½" for 中国), repairs each run by turning the
characters back into bytes and decoding them as UTF-8 (twice for text damaged twice), and
offers the repair as a safe fix when it round-trips: re-damaging the repaired text gives the
run back exactly. Stray C1 control characters (Windows-1252 punctuation read as Latin-1) are
repaired the same way. EN02 reports U+FFFD replacement characters, which cannot be repaired.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..._speed.regex import CompiledPattern, LazyRegex, regex_compile
from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import RuleOptions

_REPLACEMENT_RUN = LazyRegex("\ufffd+")
_UNASSIGNED_OR_CONTROL = LazyRegex(r"[\p{Cc}\p{Cn}\p{Co}]")

MAX_PASSES = 3          # text damaged more than three times is beyond repair


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], CompiledPattern, CompiledPattern]:
    """Character -> byte for 0x80-0xFF as Windows-1252 (or Latin-1) shows it, and the run
    and C1-control patterns built from it."""
    to_byte: dict[str, int] = {}
    for b in range(0x80, 0x100):
        try:
            to_byte[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            pass
        to_byte.setdefault(chr(b), b)        # Latin-1 reading (C1 controls for 0x80-0x9F)

    def cls(lo: int, hi: int) -> str:
        chars = sorted({c for c, b in to_byte.items() if lo <= b <= hi})
        return "[" + "".join(re.escape(c) for c in chars) + "]"

    cont = cls(0x80, 0xBF)
    seq = f"(?:{cls(0xC2, 0xDF)}{cont}|{cls(0xE0, 0xEF)}{cont}{{2}}|{cls(0xF0, 0xF4)}{cont}{{3}})"
    run = regex_compile(f"{seq}+")
    c1 = regex_compile("[\u0080-\u009f]+")
    return to_byte, run, c1


def _to_bytes(text: str) -> bytes | None:
    to_byte = _tables()[0]
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in to_byte:
            out.append(to_byte[ch])
        else:
            return None
    return bytes(out)


def _damage(text: str, latin1: bool = False) -> str:
    """What `text` looks like after its UTF-8 bytes are read as Windows-1252 (undefined bytes
    as Latin-1), or as Latin-1 throughout."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(chr(b) if latin1 else bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def repair(run: str) -> tuple[str, bool] | None:
    """The repaired text of a mojibake run, and whether the repair round-trips exactly."""
    current = run
    for _ in range(MAX_PASSES):
        data = _to_bytes(current)
        if data is None:
            break
        try:
            fixed = data.decode("utf-8")
        except UnicodeDecodeError:
            break
        if fixed == current:
            break
        current = fixed
        if not _tables()[1].search(current):
            break
    if current == run:
        return None
    safe = _redamage(current, run) and not _UNASSIGNED_OR_CONTROL.search(current)
    return current, safe


def _redamage(fixed: str, run: str) -> bool:
    """True when damaging `fixed` the same way, once or more, gives `run` back exactly."""
    for latin1 in (False, True):
        text = fixed
        for _ in range(MAX_PASSES):
            text = _damage(text, latin1)
            if text == run:
                return True
            if len(text) > len(run):
                break
    return False


def check_mojibake(doc: Document, opts: RuleOptions):
    _, run_re, c1_re = _tables()
    text = doc.text
    taken = []
    for m in run_re.finditer(text):
        if _accent_then_punctuation(text, m.start(), m.end()):
            continue
        result = repair(m.group(0))
        if result is None:
            continue
        fixed, safe = result
        taken.append((m.start(), m.end()))
        yield _hit(m.start(), m.end(), m.group(0), fixed, safe, "UTF-8 text read as Windows-1252")
    for m in c1_re.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        fixed = _c1_repair(m.group(0))
        if fixed is not None:
            yield _hit(m.start(), m.end(), m.group(0), fixed, True,
                       "Windows-1252 punctuation read as Latin-1")


_QUOTES = set("’”“‘…–—•›‹«»")


def _accent_then_punctuation(text: str, start: int, end: int) -> bool:
    """A word ending in an accented letter followed by two punctuation marks ("café’”"):
    legitimate text that happens to have the shape of one three-byte sequence."""
    run = text[start:end]
    return (len(run) == 3 and run[0] in "àáâãäåæçèéêëìíîï" and start > 0
            and text[start - 1].isalpha() and set(run[1:]) <= _QUOTES)


def _c1_repair(run: str) -> str | None:
    try:
        return bytes(ord(c) for c in run).decode("cp1252")
    except UnicodeDecodeError:
        return None


def _hit(start: int, end: int, bad: str, fixed: str, safe: bool, cause: str) -> Hit:
    visible = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in bad)
    message = (f"'{visible}' is garbled text ({cause}): it should read '{fixed}'")
    return Hit(start, end, message, fixed, fix=fixed, fix_safety="safe" if safe else "unsafe")


def check_replacement(doc: Document, opts: RuleOptions):
    for m in _REPLACEMENT_RUN.finditer(doc.text):
        n = len(m.group(0))
        what = "a character was" if n == 1 else f"{n} characters were"
        yield Hit(m.start(), m.end(),
                  f"'{m.group(0)}' marks where {what} lost when the text was decoded with the "
                  "wrong encoding: retype it from the original", None)


MOJIBAKE = Rule(RuleMeta(
    code="EN01", name="mojibake", category="encoding", severity="error",
    summary="garbled characters from UTF-8 read as Windows-1252 ('â€™', 'Ã©')",
    doc=RuleDoc(
        what=("Runs of characters such as 'â€™', 'â€œ', 'Ã©' or 'ä¸­å›½': UTF-8 text that was "
              "read as Windows-1252 or Latin-1 somewhere between the writer and the file "
              "(mojibake), and stray C1 control characters left when Windows-1252 "
              "punctuation was read as Latin-1. The finding gives the repaired text."),
        why=("Readers see gibberish where quotation marks, accents or names should be; it "
             "looks broken on every page that republishes the release."),
        instead=("The repaired characters, as suggested: 'â€™' becomes ’, 'Ã©' becomes é. "
                 "Better, fix the step that mis-decoded the file (save and send as UTF-8)."),
        examples=(Example("The firmâ€™s CEO, JosÃ© Li, spoke.\n", ("â€™", "Ã©"),
                          "The firm’s CEO, José Li, spoke.\n"),),
        fix_safety=("Safe when the repair round-trips: damaging the repaired text again gives "
                    "exactly the garbled run, so nothing else is changed. Otherwise unsafe."),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 0 findings (no mojibake in the data). "
                   "Releases (seed + tests/fixtures/releases/packs_*): 4 findings, 0 false "
                   "alarms; accented European names and curly quotes are not flagged.")),
    fixable="safe"), check_mojibake)

REPLACEMENT = Rule(RuleMeta(
    code="EN02", name="replacement-character", category="encoding", severity="error",
    summary="U+FFFD replacement characters where text was lost in decoding",
    doc=RuleDoc(
        what=("The replacement character U+FFFD ('\ufffd'), which a program puts where it "
              "could not decode a byte: the original character is gone."),
        why="The text is damaged: a name, a figure or a quotation mark is missing.",
        instead="Retype the lost characters from the original document.",
        examples=(Example("Revenue rose 12\ufffd in 2023.\n", ("\ufffd",), "Revenue rose 12% in 2023.\n"),),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 0 findings. Releases (seed + "
                   "tests/fixtures/releases/packs_*): 1 finding, 0 false alarms."))), check_replacement)

RULES = collect_rules(globals())
