"""Mojibake: UTF-8 text read with the wrong codec, found and repaired.

Three readings are common in Chinese-English releases:

- **UTF-8 read as Windows-1252 or Latin-1** ("â€™" for ’, "Ã©" for é, "ä¸­å›½" for 中国). A run
  of characters that are the Windows-1252 (or Latin-1) reading of UTF-8 byte sequences is
  turned back into bytes and decoded as UTF-8 (again, for text damaged twice); the repair is
  safe when damaging it again gives the run back exactly. Stray C1 control characters
  (Windows-1252 punctuation read as Latin-1) are repaired the same way.
- **The same with a byte lost.** Windows-1252 has no character for five bytes (0x81, 0x8D, 0x8F,
  0x90, 0x9D); a decoder that drops them leaves "â€" where a closing quotation mark ” (E2 80 9D)
  stood, and HTML that collapses a no-break space leaves "Â " where one stood (C2 A0). These
  shapes never occur in real text; they are reported with the likely character, unsafe.
- **UTF-8 read as GBK** ("鈥檚" for ’s, "鈥淭he" for “The); "鈥?" or "鈥\ufffd"
  is such a mark whose last byte is lost (a closing quotation mark, an apostrophe, a dash: the
  finding cannot say which): the two bytes E2 80
  that open every General Punctuation character read as the Han character 鈥, swallowing the
  next byte (often an ASCII letter) into another Han character. Runs of 鈥 pairs are turned back
  into GBK bytes and decoded as UTF-8.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..._speed.regex import CompiledPattern, LazyRegex, regex_compile
from ...findings import Hit

_UNASSIGNED_OR_CONTROL = LazyRegex(r"[\p{Cc}\p{Cn}\p{Co}]")
# U+9225 (鈥) is the GBK reading of E2 80; it takes the third byte and the byte after it along.
# a third byte that could not pair with the next (ASCII) byte comes out as "?" or U+FFFD
_GBK_RUN = LazyRegex(r"(?:鈥[^\x00-\x7f\s鈥\ufffd])+|鈥[?\ufffd]")
MAX_PASSES = 3          # text damaged more than three times is beyond repair


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], CompiledPattern, CompiledPattern, str]:
    """Character -> byte for 0x80-0xFF as Windows-1252 (or Latin-1) shows it, the run and
    C1-control patterns built from it, and the class of continuation bytes."""
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
    return to_byte, run, c1, cont


def _lost_pattern() -> CompiledPattern:
    """"â€" whose third byte is gone; "Â" whose no-break space became a plain space."""
    cont = _tables()[3]
    return regex_compile(f"â€(?:\ufffd|(?!{cont}))|(?<![\\p{{Lu}}])Â(?= )")


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


def gbk_repair(run: str) -> tuple[str, bool] | None:
    """The repair of a run of UTF-8 punctuation read as GBK ("鈥檚" -> "’s", "鈥淲" -> "“W"),
    always exact (it round-trips), or None when the run cannot be one."""
    try:
        fixed = run.encode("gbk").decode("utf-8")
    except UnicodeError:
        return None
    if not any("\u2010" <= c <= "\u205f" for c in fixed) or _UNASSIGNED_OR_CONTROL.search(fixed):
        return None
    return fixed, True


def scan(text: str):
    """Every mojibake finding in `text`, as Hits in text order within each kind."""
    _, run_re, c1_re, _ = _tables()
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
    if "â€" in text or "Â " in text:
        for m in _lost_pattern().finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if m.group(0).startswith("â€"):
                yield Hit(m.start(), m.end(),
                          "'â€' is a garbled closing quotation mark (UTF-8 read as Windows-1252, its "
                          "last byte lost): it should read '”'", "”", fix="”", fix_safety="unsafe")
            else:
                yield Hit(m.start(), m.end(),
                          "'Â' is what is left of a no-break space read as Windows-1252: delete it",
                          None)
    if "鈥" in text:
        for m in _GBK_RUN.finditer(text):
            run = m.group(0)
            if run[-1] in "?\ufffd":
                yield Hit(m.start(), m.end(),
                          f"'{run}' is a garbled punctuation mark (UTF-8 read as GBK) whose last byte "
                          "is lost: most often a closing quotation mark '”', else an apostrophe or a "
                          "dash; retype it from the original", None)
                continue
            result = gbk_repair(run)
            if result is not None:
                yield _hit(m.start(), m.end(), run, result[0], result[1], "UTF-8 text read as GBK")


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
