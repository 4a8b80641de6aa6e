"""Chinese sentence segmentation with code-point spans, for aligning a release with its translation.

`sentences(text, start, end)` cuts text[start:end] (one paragraph, or any stretch of text) into
units and returns their (start, end) spans, trimmed of white space:

* a unit ends after 。！？；… (full-width or half-width: ． ! ? ; ... and a half-width '.' that ends a
  Chinese clause), together with the closing quotes and brackets that follow (”’」』）)】〕〉》);
* nothing inside a matched 《》〈〉“”‘’「」『』（）()【】 pair ends a unit, except a quotation that is a
  whole sentence (it opens the unit or follows ：) and ends with a terminator: the unit ends after
  its closing quote;
* every line is a unit of its own (headlines, list items, captions, credits), unless the lines of
  the paragraph look hard-wrapped (long, nearly equal, running on without a terminator);
* a short bracketed credit or note ending a line ("……。（李明 摄）") stays with the unit before it;
* a line that is only a dateline ("新华社北京3月8日电（记者 张三）", "本报讯（记者 李四）") is kept
  with the unit that follows it.

Everything is one left-to-right pass over the characters (plus a stack for the brackets): linear
in the length of the text whatever it holds.
"""
from __future__ import annotations

import re

TERMINATORS = frozenset("。！？；…!?;．｡")
CLOSERS = frozenset("”’」』）)】〕〉》\"'")
# opening character -> the closing one; only matched pairs protect their content
PAIRS = {"《": "》", "〈": "〉", "“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")",
         "【": "】", "〔": "〕"}
_CLOSE_TO_OPEN = {v: k for k, v in PAIRS.items()}
QUOTES = frozenset("“‘「『\"")          # quotation marks (a quotation may be a sentence of its own)
_SPACE = " \t\f\v\r\n\u3000\u00a0\u200b\ufeff"
_LINE = re.compile(r"[^\r\n]+")
# a short bracketed credit or note ending a line: "（李明 摄）", "（完）", "(记者 张三)"
_CREDIT = re.compile(r"[（(][^（()）。！？]{1,20}[）)]")

# A line that is only a dateline: agency or paper, a place and date, 电/讯, an optional reporter
# credit in brackets. Used with match() at the line's start (so no ^), bounded quantifiers only.
_DATELINE = re.compile(
    r"[【\[]?[\u4e00-\u9fff]{1,12}(?:(?:社|报|网|台|站|刊)[\u4e00-\u9fff0-9０-９年月日\s]{0,20}"
    r"|[\u4e00-\u9fff0-9０-９年月\s]{0,16}日)(?:电|讯|消息)"
    r"\s*(?:[（(【\[][^）)】\]\r\n]{0,40}[）)】\]])?\s*[:：]?$"
    r"|[（(【\[][^）)】\]\r\n]{0,40}(?:记者|通讯员|特派|特约|编辑)[^）)】\]\r\n]{0,40}[）)】\]]\s*$")


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (basic block, extension A, compatibility, or the supplementary planes)."""
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
            or "\U00020000" <= ch <= "\U0003134f")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _LINE.finditer(text, start, end):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            out.append((s, e))
    return out


def _is_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """Hard-wrapped prose: every line but the last is 20-80 characters long, within 20% of the
    longest, and at least half of them run on without a terminator."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    widths = [e - s for s, e in body]
    if min(widths) < 20 or max(widths) > 80 or min(widths) < 0.8 * max(widths):
        return False
    open_ended = sum(1 for s, e in body if text[e - 1] not in TERMINATORS and text[e - 1] not in CLOSERS)
    return open_ended * 2 >= len(body)


def _protected(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], set[int], set[int]]:
    """Outermost matched bracket and quote pairs in text[start:end] as (open, close) positions; the
    positions of closers that end a quotation standing as a sentence of its own; the positions of
    straight quotes that open a pair."""
    stack: list[tuple[str, int]] = []
    open_count: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    sentence_quotes: set[int] = set()
    straight_openers: set[int] = set()
    for pos in range(start, end):
        ch = text[pos]
        if ch == '"' and not open_count.get('"'):
            stack.append(('"', pos))
            open_count['"'] = 1
            continue
        if ch in PAIRS:
            stack.append((ch, pos))
            open_count[ch] = open_count.get(ch, 0) + 1
            continue
        opener = '"' if ch == '"' else _CLOSE_TO_OPEN.get(ch)
        if opener is None or not open_count.get(opener):
            continue
        opos = pos
        while stack:                    # pop to the matching opener; each opener is popped once
            o, opos = stack.pop()
            open_count[o] -= 1
            if o == opener:
                break
        if opener == '"':
            straight_openers.add(opos)
        if not stack:
            spans.append((opos, pos))
            before = _trim(text, start, opos)[1]
            opens_sentence = before == start or text[before - 1] in "：:" or text[before - 1] in TERMINATORS
            if opener in QUOTES and opens_sentence and pos > opos + 1 and text[pos - 1] in TERMINATORS:
                sentence_quotes.add(pos)
    return spans, sentence_quotes, straight_openers


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Units of one line (or of one hard-wrapped paragraph)."""
    spans, sentence_quotes, straight_openers = _protected(text, start, end)
    inside = bytearray(end - start)      # 1 where a terminator must not end a unit
    for o, c in spans:
        inside[o + 1 - start:c - start] = b"\x01" * (c - o - 1)
    out = []
    unit_start = start
    pos = start
    while pos < end:
        ch = text[pos]
        if pos in sentence_quotes:
            split_at = pos + 1
        elif (ch in TERMINATORS or ch == ".") and not inside[pos - start]:
            if ch == "." and not text.startswith("...", pos) and not _period_ends(text, pos, end):
                pos += 1
                continue
            split_at = pos + 1
        else:
            pos += 1
            continue
        # absorb further terminators, the ellipsis' dots, closing quotes and brackets
        while split_at < end and (text[split_at] in TERMINATORS or text[split_at] in "….·"
                                  or (text[split_at] in CLOSERS and split_at not in straight_openers)):
            split_at += 1
        if text[split_at - 1] in "….·" and split_at < end and text[split_at] == "等":
            pos = split_at            # "……等": an open list, not the end of a sentence
            continue
        s, e = _trim(text, unit_start, split_at)
        if e > s:
            out.append((s, e))
        unit_start = split_at
        pos = split_at
    s, e = _trim(text, unit_start, end)
    if e > s:
        if out and _CREDIT.fullmatch(text, s, e):
            out[-1] = (out[-1][0], e)   # "图为……。（李明 摄）": a trailing credit stays with its line
        else:
            out.append((s, e))
    return out


def _period_ends(text: str, pos: int, end: int) -> bool:
    """A half-width '.' ends a Chinese unit only after a Han character or a closing bracket, and
    when no letter or digit follows it ("3.5", "www.xinhua.net", "U.S." do not end units)."""
    prev = text[pos - 1] if pos > 0 else ""
    nxt = text[pos + 1] if pos + 1 < end else ""
    if nxt and (nxt.isascii() and nxt.isalnum() or nxt == "."):
        return False
    return bool(prev) and (is_han(prev) or prev in CLOSERS)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Units of text[start:end] as (start, end) code-point spans, trimmed, in order."""
    end = len(text) if end is None else end
    lines = _lines(text, start, end)
    if not lines:
        return []
    if _is_wrapped(lines, text):
        blocks = [(lines[0][0], lines[-1][1])]
    else:
        blocks = lines
    out: list[tuple[int, int]] = []
    carry = -1                      # start of a dateline line waiting for its sentence
    for s, e in blocks:
        units = _split_block(text, s, e)
        if carry >= 0 and units:
            units[0] = (carry, units[0][1])
            carry = -1
        if len(units) == 1 and len(blocks) > 1 and (e - s) <= 60 and _DATELINE.match(text, s, e):
            carry = s
            continue
        out.extend(units)
    if carry >= 0:
        out.append(_trim(text, carry, blocks[-1][1]))
    return out
