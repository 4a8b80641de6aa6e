"""Bilingual CAT files (XLIFF 1.2, XLIFF 2.x, TMX): an English and a Chinese Document from one
file, segment by segment, every position pointing into the .xlf/.tmx file."""
from __future__ import annotations

import pytest

from qa.document.markup import BILINGUAL_SUFFIXES, read_bilingual
from qa.errors import InputError
from qa.source import SourceFile

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="pr.docx" source-language="zh-CN" target-language="en-US" datatype="plaintext">
  <body>
   <!-- release-qa: disable=TR -->
   <group id="g1">
    <trans-unit id="1">
     <source>无锡举办<g id="1">物联网</g>博览会</source>
     <target>Wuxi hosts <g id="1">IoT</g> expo &amp; fair</target>
     <alt-trans><target>A suggestion, not the translation</target></alt-trans>
    </trans-unit>
   </group>
   <trans-unit id="2">
    <source>海尔集团<ph id="2">&lt;br/&gt;</ph>参加</source>
    <target>Haier Group<ph id="2">&lt;br/&gt;</ph> took part<x id="3"/>.</target>
   </trans-unit>
   <trans-unit id="3" translate="no"><source>http://x</source><target>http://x</target></trans-unit>
   <trans-unit id="4"><source>未翻译</source><target/></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">
 <file id="f1"><unit id="u1">
  <segment id="s1"><source>第一句。</source><target>First <pc id="1">sentence</pc>.</target></segment>
  <ignorable><source> </source></ignorable>
  <segment><source>第二句<ph id="2"/>。</source><target><![CDATA[Second & <last>]]> one.</target></segment>
 </unit></file>
</xliff>"""

TMX = """<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu tuid="7"><tuv xml:lang="zh-CN"><seg>京东集团</seg></tuv>
 <tuv xml:lang="en-GB"><seg>JD <bpt i="1">&lt;b&gt;</bpt>Group<ept i="1">&lt;/b&gt;</ept> &#x4e2d;</seg>
 </tuv></tu>
<tu tuid="8"><tuv lang="EN"><seg>Only English</seg></tuv><tuv xml:lang="fr"><seg>Français</seg></tuv></tu>
</body></tmx>"""


def read(text: str, name: str):
    return read_bilingual(SourceFile(name, text, "utf-8", False, "\n"))


def texts(docs):
    return [(p.id, docs.target.slice(p.target) if p.target else None,
             docs.source.slice(p.source) if p.source else None) for p in docs.pairs]


def test_suffixes():
    assert set(BILINGUAL_SUFFIXES) == {".xlf", ".xliff", ".tmx"}


def test_xliff_1_2_pairs_inline_tags_and_native_code():
    docs = read(XLIFF12, "pr.xlf")
    assert texts(docs) == [("1", "Wuxi hosts IoT expo & fair", "无锡举办物联网博览会"),
                           ("2", "Haier Group took part.", "海尔集团参加"),
                           ("4", None, "未翻译")]
    assert docs.target.text == "Wuxi hosts IoT expo & fair\n\nHaier Group took part."
    assert docs.target.format == docs.source.format == "xliff"
    assert [d.selectors for d in docs.target.directives] == [("TR",)]
    assert docs.target.slice(docs.target.title) == "Wuxi hosts IoT expo & fair"


def test_positions_point_into_the_file_on_both_sides():
    docs = read(XLIFF12, "pr.xlf")
    for doc, phrase, raw in ((docs.target, "IoT expo & fair", "IoT</g> expo &amp; fair"),
                             (docs.target, "took part.", 'took part<x id="3"/>.'),
                             (docs.source, "物联网博览会", '物联网</g>博览会')):
        start = doc.text.index(phrase)
        s, e = doc.to_source(start, start + len(phrase))
        assert XLIFF12[s:e] == raw
    start = docs.source.text.index("海尔")
    assert docs.source.position(start) == (14, 13)


def test_xliff_2_segments_and_cdata():
    docs = read(XLIFF20, "pr.xliff")
    assert texts(docs) == [("u1/s1", "First sentence.", "第一句。"),
                           ("u1/2", "Second & <last> one.", "第二句。")]
    start = docs.target.text.index("Second & <last>")
    assert docs.target.offsets.is_verbatim(start, start + 15)


def test_tmx_language_variants():
    docs = read(TMX, "memory.tmx")
    assert texts(docs) == [("7", "JD Group 中", "京东集团"), ("8", "Only English", "Français")]
    assert docs.target.format == "tmx"


def test_english_source_side_is_the_target_document():
    reverse = XLIFF12.replace('source-language="zh-CN" target-language="en-US"',
                              'source-language="en-US" target-language="zh-CN"')
    docs = read(reverse, "reverse.xlf")
    assert docs.target.slice(docs.pairs[0].target) == "无锡举办物联网博览会"


@pytest.mark.parametrize("text, message", [
    ('<!DOCTYPE x [<!ENTITY a "b">]><xliff>&a;</xliff>', "DTD"),
    ('<?xml version="1.0"?><!DOCTYPE xliff SYSTEM "http://example.com/x.dtd"><xliff/>', "DTD"),
    ("<xliff><file><body><trans-unit></body></file></xliff>", "not well-formed"),
    ('<xliff version="1.2"><file source-language="zh" target-language="fr"><body><trans-unit id="1">'
     "<source>a</source><target>b</target></trans-unit></body></file></xliff>", "no English side"),
])
def test_refused_files_give_one_clear_error(text, message):
    with pytest.raises(InputError, match=message) as exc:
        read(text, "bad.xlf")
    assert str(exc.value).startswith("bad.xlf")
