"""Hostile markup: every reader takes 1 MB of pathological input in seconds, and time grows
linearly (1 MB against 250 KB). Bounds are generous, for a noisy shared CI machine: a
quadratic reader takes minutes here (the HTML reader built on a hand-written tokeniser took
43 s for 60 KB of unclosed `<tag`; CPython's own html.parser before 3.11.13 takes 12 s for
100 KB of them), a linear one a few seconds at most."""
from __future__ import annotations

import time

import pytest

from qa.document import document_from_text
from qa.document.markup import read_bilingual
from qa.source import SourceFile

MB = 1_000_000
LIMIT = 10.0           # seconds for 1 MB
GROWTH = 9.0           # t(1 MB) / t(250 KB); linear is 4, quadratic 16


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _nested_lists(size: int) -> str:
    return _repeat("- " * 10_000 + "x\n", size)        # lists 10,000 deep on each line


def _indented_lists(size: int) -> str:
    lines, total, depth = [], 0, 0
    while total < size:
        line = "  " * depth + "- item\n"
        lines.append(line)
        total += len(line)
        depth = (depth + 1) % 500
    return "".join(lines)


HTML = {
    "unclosed tags": lambda n: _repeat("<a", n),
    "unclosed tags with text": lambda n: _repeat("<a href='x' title=y text ", n),
    "lt runs": lambda n: _repeat("<", n),
    "lt space runs": lambda n: _repeat("< a <= b ", n),
    "unterminated comments": lambda n: _repeat("<!--x>", n),
    "unterminated comment": lambda n: "<p>text</p><!--" + _repeat("x> ", n),
    "unterminated CDATA": lambda n: _repeat("<![CDATA[x>", n),
    "unclosed end tags": lambda n: _repeat("</a", n),
    "long attribute value": lambda n: '<p title="' + "x" * n + '">t</p>',
    "unclosed attribute quote": lambda n: '<p title="' + _repeat("x>", n),
    "many attributes": lambda n: "<p " + _repeat("a='1' ", n) + ">t</p>",
    "entity flood": lambda n: _repeat("&amp;", n),
    "broken charrefs": lambda n: _repeat("&#x;&#12a", n),
    "unclosed divs": lambda n: _repeat("<div>", n) + "deep",
    "list items": lambda n: _repeat("<li>a", n),
    "unclosed scripts": lambda n: _repeat("<script>x", n),
}

MARKDOWN = {
    "brackets": lambda n: _repeat("[", n),
    "closing brackets": lambda n: _repeat("]", n),
    "image openers": lambda n: _repeat("![", n),
    "link openers": lambda n: _repeat("[a](", n),
    "brackets in paragraphs": lambda n: _repeat("![" * 4000 + "\n\n", n),
    "asterisks": lambda n: _repeat("*", n),
    "emphasis runs": lambda n: _repeat("*a ", n),
    "underscores": lambda n: _repeat("_a ", n),
    "backticks": lambda n: _repeat("`a ``", n),
    "nested lists 10,000 deep": _nested_lists,
    "indented lists": _indented_lists,
    "nested quotes": lambda n: _repeat("> " * 5000 + "x\n", n),
    "unclosed tags": lambda n: _repeat("<a ", n),
    "lt runs": lambda n: _repeat("<", n),
    "unterminated comments": lambda n: _repeat("<!--", n),
    "entity flood": lambda n: _repeat("&amp;", n),
    "escapes": lambda n: _repeat("\\*", n),
    "long link destination": lambda n: "[a](" + "x" * n + ")",
    "html blocks": lambda n: _repeat("<div>\n<!-- c -->\n", n),
}


def _timed(make, fmt: str, size: int) -> float:
    text = make(size)
    start = time.process_time()
    assert document_from_text(text, fmt).paragraphs is not None
    return time.process_time() - start


def _check_linear(make, fmt: str) -> None:
    big = _timed(make, fmt, MB)
    assert big < LIMIT, f"1 MB took {big:.1f} s"
    if big > 1.0:           # below that, growth is lost in the noise (and harmless)
        small = _timed(make, fmt, MB // 4)
        assert big / max(small, 0.05) < GROWTH, f"250 KB: {small:.2f} s, 1 MB: {big:.2f} s"


@pytest.mark.parametrize("case", sorted(HTML))
def test_html_reader_is_linear(case):
    _check_linear(HTML[case], "html")


@pytest.mark.parametrize("case", sorted(MARKDOWN))
def test_markdown_reader_is_linear(case):
    _check_linear(MARKDOWN[case], "markdown")


def _xliff(body: str) -> str:
    return ('<xliff version="1.2"><file source-language="zh-CN" target-language="en" datatype="x" '
            f'original="x"><body>{body}</body></file></xliff>')


BILINGUAL = {
    "many units": lambda n: _xliff(_repeat('<trans-unit id="1"><source>中文</source>'
                                           '<target>Text &amp; more</target></trans-unit>', n)),
    "entity flood": lambda n: _xliff('<trans-unit id="1"><source>s</source><target>'
                                     + _repeat("&amp;", n) + "</target></trans-unit>"),
    "deep inline tags": lambda n: _xliff('<trans-unit id="1"><source>s</source><target>'
                                         + '<g id="1">a' * (n // 15) + "</g>" * (n // 15)
                                         + "</target></trans-unit>"),
    "not well-formed": lambda n: _xliff(_repeat("<target>a", n)),
    "long attribute": lambda n: _xliff('<trans-unit id="' + "x" * n + '"><source>s</source>'
                                       "<target>t</target></trans-unit>"),
}


@pytest.mark.parametrize("case", sorted(BILINGUAL))
def test_bilingual_reader_is_linear(case):
    def timed(size: int) -> float:
        text = BILINGUAL[case](size)
        start = time.process_time()
        try:
            read_bilingual(SourceFile("x.xlf", text, "utf-8", False, "\n"))
        except Exception as exc:          # not well-formed on purpose: refused, and fast
            assert "XML" in str(exc)
        return time.process_time() - start
    big = timed(MB)
    assert big < LIMIT
    if big > 1.0:
        # slow enough to compare: best of up to three, taken in turns, so that a noisy
        # machine's slow spell is not taken for quadratic growth
        quarter = timed(MB // 4)
        for _ in range(2):
            if big / max(quarter, 0.05) < GROWTH:
                break
            quarter, big = min(quarter, timed(MB // 4)), min(big, timed(MB))
        assert big / max(quarter, 0.05) < GROWTH


def test_entity_bomb_is_refused_at_once():
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + "x" * 1000 + '">'
            + "".join(f'<!ENTITY a{i} "&a{i - 1 if i else ""};&a{i - 1 if i else ""};">' for i in range(30))
            + ']><xliff>&a29;</xliff>')
    start = time.process_time()
    with pytest.raises(Exception, match="DTD"):
        read_bilingual(SourceFile("bomb.xlf", bomb, "utf-8", False, "\n"))
    assert time.process_time() - start < 1.0
