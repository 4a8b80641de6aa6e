"""Offset properties of every reader, checked with hypothesis: each prose character copied
verbatim is the file's character at the place it maps to, spans stay inside the file, and
the Markdown reader lays every inline token back onto the file (it never falls back to
synthetic text). The number of examples is RELEASE_QA_FUZZ_EXAMPLES, as in test_properties.
"""
from __future__ import annotations

import html
import os
import re
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qa.document import document_from_text
from qa.document.markup import markdown_inline, read_bilingual
from qa.document.markup.markdown import parser, plain_tokens
from qa.source import SourceFile

EXAMPLES = int(os.environ.get("RELEASE_QA_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

MARKUP = [
    "Acme", "Haier Group", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", ".", ",", "无锡", "。", "\0",
    "*", "**", "_", "__", "~~", "`", "``", "[", "]", "(", ")", "![", "](", "<", ">", "\\", "\\*", "|",
    "&amp;", "&#x4e2d;", "&nope;", "&#", "&nbsp", "# ", "## ", "- ", "1. ", "> ", "    ", "---", "===",
    "- [ ] ", "[x] ", "<b>", "</b>", "<br>", "<p>", "</p>", "<li>", "<h1>", "</h1>", "<title>",
    "<script>", "</script>", "<!-- c -->", "<!--", "-->", "<!-- release-qa: disable=BP -->",
    "<![CDATA[", "]]>", "<http://a.b>", "http://x.y", '"t"', "'", "[r]: /u\n", "[r]", "[r][]",
    "[x](<a b>)", '[x](/u "t")', "|---|---|\n", "```\n", "~~~\n", "<div>", "</div>", "<a href='",
]
TEXT = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=6)), max_size=40).map("".join)


def check_offsets(doc) -> None:
    text, source = doc.text, doc.source
    for i in range(len(text)):
        if doc.offsets.is_verbatim(i, i + 1):
            s, e = doc.to_source(i, i + 1)
            assert source[s:e] == text[i], (i, text[i], source[s:e])
    spans = [*doc.words, *doc.sentences, *doc.paragraphs, *doc.list_items]
    if doc.title:
        spans.append(doc.title)
    for span in spans:
        s, e = doc.to_source(span[0], span[1])
        assert 0 <= s <= e <= len(source)
        if doc.offsets.is_verbatim(span[0], span[1]):
            assert source[s:e] == doc.slice(span)


@SETTINGS
@given(TEXT)
@example("See [the site](http://x.y/a_(b)) and [r] ![i [n]](u) `a``b` ~~s~~ *e*\n\n[r]: /u\n")
@example("| a \\| b | `c|d` |\n|---|---|\n| x | [y](z) |\n")
@example("> - [x] item  \n>   more\\\n>\tend &amp; <b>x</b>\n")
def test_markdown_offsets_are_exact(text):
    fallbacks = []
    with mock.patch.object(markdown_inline.InlineWalker, "_rest",
                           lambda self, tokens, index: fallbacks.append((self.content, index))):
        doc = document_from_text(text, "markdown")
    check_offsets(doc)
    assert not fallbacks, fallbacks


@SETTINGS
@given(TEXT)
@example("<p>a\r\nb&amp;c &#12a &#T</p><!-- x <p>y")
def test_html_and_text_offsets_are_exact(text):
    for fmt in ("html", "text"):
        check_offsets(document_from_text(text, fmt))


PLAIN = st.text(alphabet=st.sampled_from("ab :-#+=$%@^{}])'\"1.中\u3000\xa0 \t\n"), max_size=30)


@SETTINGS
@given(PLAIN)
def test_plain_tokens_are_markdown_its_tokens(content):
    content = content.strip(" \t\n")
    if not content or "\n\n" in content:
        return
    md = parser()
    tokens = []
    md.inline.parse(content, md, {}, tokens)
    assert [(t.type, t.content) for t in tokens] == [(t.type, t.content) for t in plain_tokens(content)]


SEGMENT = st.lists(st.sampled_from([
    "Acme", " ", "Group", "&amp;", "&lt;", "&#x4e2d;", "&#20013;", "无锡", "。", "\n",
    '<g id="1">', "</g>", '<x id="2"/>', '<ph id="3">&lt;b&gt;</ph>', '<bpt i="1">{1}</bpt>',
    '<mrk mtype="x">', "</mrk>", "<![CDATA[a & <b>]]>", "<!-- note -->",
]), max_size=12).map("".join)


def _balanced(segment: str) -> str:
    """Close the <g>/<mrk> a generated segment opened (in order), drop stray closers."""
    out, stack = [], []
    for part in segment.replace("<", "\x00<").split("\x00"):
        for name in ("g", "mrk"):
            if part.startswith(f"<{name} "):
                stack.append(name)
            elif part.startswith(f"</{name}>"):
                if not stack or stack[-1] != name:
                    part = part[len(name) + 3:]
                else:
                    stack.pop()
        out.append(part)
    return "".join(out) + "".join(f"</{n}>" for n in reversed(stack))


def _expected(segment: str) -> str:
    plain = re.sub(r"<!\[CDATA\[(.*?)\]\]>",
                   lambda m: m.group(1).replace("&", "\x01").replace("<", "\x02"), segment)
    plain = re.sub(r"<(ph|bpt)[^>]*>.*?</\1>", "", plain)
    plain = re.sub(r"<!--.*?-->|<[^>]*>", "", plain)
    return html.unescape(plain).replace("\x01", "&").replace("\x02", "<").strip()


@SETTINGS
@given(st.lists(st.tuples(SEGMENT, SEGMENT), min_size=1, max_size=5),
       st.sampled_from(["xlf", "xlf2", "tmx"]))
def test_bilingual_offsets_are_exact(pairs, kind):
    pairs = [(_balanced(a), _balanced(b)) for a, b in pairs]
    if kind == "tmx":
        body = "".join(f'<tu><tuv xml:lang="zh"><seg>{a}</seg></tuv>'
                       f'<tuv xml:lang="en"><seg>{b}</seg></tuv></tu>' for a, b in pairs)
        text, name = f'<tmx version="1.4"><header srclang="zh"/><body>{body}</body></tmx>', "x.tmx"
    elif kind == "xlf2":
        body = "".join(f"<unit id='{i}'><segment><source>{a}</source><target>{b}</target></segment></unit>"
                       for i, (a, b) in enumerate(pairs))
        text = f'<xliff version="2.0" srcLang="zh-CN" trgLang="en"><file id="f">{body}</file></xliff>'
        name = "x.xliff"
    else:
        body = "".join(f"<trans-unit id='{i}'><source>{a}</source><target>{b}</target></trans-unit>"
                       for i, (a, b) in enumerate(pairs))
        text, name = ('<xliff version="1.2"><file source-language="zh" target-language="en-US" '
                      f'datatype="x" original="x"><body>{body}</body></file></xliff>'), "x.xlf"
    docs = read_bilingual(SourceFile(name, text, "utf-8", False, "\n"))
    assert len(docs.pairs) == len(pairs)
    for (source, target), pair in zip(pairs, docs.pairs):
        assert (docs.target.slice(pair.target) if pair.target else "") == _expected(target)
        assert (docs.source.slice(pair.source) if pair.source else "") == _expected(source)
    check_offsets(docs.target)
    check_offsets(docs.source)
