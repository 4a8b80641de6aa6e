"""read_docx: what text each construct of WordprocessingML reads as, and where it maps back."""
from __future__ import annotations

import pytest

pytest.importorskip("docx")

from qa.docx import DocxText, chinese_source, is_chinese_source, read_docx  # noqa: E402
from qa.docx.reader import load  # noqa: E402
from tests.docx.builders import notes, p, package, r, write  # noqa: E402

INS = 'w:id="{}" w:author="Ed" w:date="2024-01-01T00:00:00Z"'


def texts(doc: DocxText) -> list[str]:
    return [doc.text[x.start:x.end] for x in doc.paragraphs]


def test_paragraphs_join_with_newlines_and_keep_their_styles():
    doc = read_docx(package(p("Big news", style="Title") + p() + p("First ", r("bold", "<w:b/>"), " text.")
                            + p("Section", style="Heading1")))
    assert doc.text == "Big news\n\nFirst bold text.\nSection"
    assert [x.kind for x in doc.paragraphs] == ["title", "body", "body", "heading"]
    assert [x.style for x in doc.paragraphs] == ["Title", "Normal", "Normal", "Heading 1"]
    assert doc.title == (0, 8)
    assert [x.p_index for x in doc.paragraphs] == [0, 1, 2, 3]
    assert doc.line_column(doc.text.index("bold")) == (3, 7)
    assert doc.locate(doc.text.index("\nSection")) == (2, 16)   # the "\n" ends paragraph 2


def test_tabs_and_breaks_are_one_character_each_and_never_a_new_line():
    body = p(r("a"), r(inner="<w:tab/>"), r("b"), r(inner='<w:br/>'), r("c"),
             r(inner='<w:br w:type="page"/>'), r(inner="<w:t>d</w:t><w:cr/><w:t>e</w:t>"),
             r(inner="<w:noBreakHyphen/><w:softHyphen/>"),
             r(inner='<w:sym w:font="Symbol" w:char="F0B7"/>'))
    doc = read_docx(package(body))
    assert doc.text == "a\tb c d e\u2011\u00ad\uf0b7"
    kinds = [x.kind for x in doc.paragraphs[0].pieces]
    assert kinds == ["text", "tab", "text", "break", "text", "break", "text", "break", "text", "hyphen",
                     "hyphen", "symbol"]
    assert len(doc.paragraphs) == 1


def test_line_end_characters_inside_text_read_as_spaces():
    doc = read_docx(package(p(r("one\u2028two\nthree\u0085four"))))
    assert doc.text == "one two three four"
    assert doc.text.splitlines() == [doc.text]


def test_fields_read_their_result_not_their_instruction():
    begin = r(inner='<w:fldChar w:fldCharType="begin"/>')
    sep = r(inner='<w:fldChar w:fldCharType="separate"/>')
    end = r(inner='<w:fldChar w:fldCharType="end"/>')
    instr = r(inner='<w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText>')
    nested = begin + r(inner="<w:instrText> PAGE </w:instrText>") + sep + r("7") + end
    body = (p("See ", begin, instr, sep, r("our site"), end, ".")
            + p("Page ", begin, r(inner="<w:instrText> IF </w:instrText>"), nested, sep, r("x"), end,
                " of ", nested)
            + p("No result: ", begin, r(inner="<w:instrText> TOC </w:instrText>"), end, "end")
            + p('<w:fldSimple w:instr=" DATE "><w:r><w:t>1 May</w:t></w:r></w:fldSimple>'))
    assert texts(read_docx(package(body))) == ["See our site.", "Page x of 7", "No result: end", "1 May"]


def test_hyperlinks_smart_tags_content_controls_and_custom_xml_are_read():
    link = '<w:hyperlink r:id="rIdLink">' + r("the site", '<w:rStyle w:val="Hyperlink"/>') + "</w:hyperlink>"
    body = p("Visit ", link, '<w:smartTag w:uri="u" w:element="place">' + r(" Wuxi") + "</w:smartTag>",
             '<w:sdt><w:sdtPr><w:alias w:val="a"/></w:sdtPr><w:sdtContent>' + r(" now")
             + "</w:sdtContent></w:sdt>",
             '<w:customXml w:element="x">' + r("!") + "</w:customXml>")
    block_sdt = '<w:sdt><w:sdtPr/><w:sdtContent>' + p("In a control") + "</w:sdtContent></w:sdt>"
    assert texts(read_docx(package(body + block_sdt))) == ["Visit the site Wuxi now!", "In a control"]


def test_tracked_changes_read_as_accepted():
    body = p("The ", f"<w:ins {INS.format(1)}>" + r("new ") + "</w:ins>",
             f"<w:del {INS.format(2)}>" + r(inner="<w:delText>old </w:delText>") + "</w:del>",
             f"<w:moveFrom {INS.format(3)}>" + r("gone ") + "</w:moveFrom>",
             f"<w:moveTo {INS.format(4)}>" + r("moved ") + "</w:moveTo>", "plan.")
    assert read_docx(package(body)).text == "The new moved plan."


def test_hidden_text_and_math_are_not_read_and_ruby_reads_its_base():
    ruby = ('<w:r><w:ruby><w:rubyPr/><w:rt>' + r("pin") + '</w:rt><w:rubyBase>' + r("拼")
            + '</w:rubyBase></w:ruby></w:r>')
    body = p("shown", r(" hidden", "<w:vanish/>"), r(" also shown", '<w:vanish w:val="0"/>'), ruby)
    assert read_docx(package(body)).text == "shown also shown拼"


def test_nested_tables_read_cell_by_cell_in_document_order():
    inner = "<w:tbl><w:tr><w:tc>" + p("inner 1") + "</w:tc><w:tc>" + p("inner 2") + "</w:tc></w:tr></w:tbl>"
    table = ("<w:tbl><w:tblPr/><w:tr><w:tc>" + p("A1") + inner + "</w:tc><w:tc>" + p("B1") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + p("A2") + "</w:tc><w:tc>" + p("B2") + "</w:tc></w:tr></w:tbl>")
    doc = read_docx(package(p("Before") + table + p("After")))
    assert texts(doc) == ["Before", "A1", "inner 1", "inner 2", "B1", "A2", "B2", "After"]
    assert [x.kind for x in doc.paragraphs] == ["body"] + ["table"] * 6 + ["body"]


def textbox(choice_text: str, fallback_text: str) -> str:
    choice = ('<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
              "<w:txbxContent>" + p(choice_text) + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
              "</a:graphic></wp:anchor></w:drawing></mc:Choice>")
    fallback = ('<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + p(fallback_text)
                + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>")
    return "<w:r><mc:AlternateContent>" + choice + fallback + "</mc:AlternateContent></w:r>"


def test_text_boxes_follow_their_anchor_once_with_the_fallback_as_twin():
    doc = read_docx(package(p("Anchor ", textbox("Boxed text", "Boxed text"), "here.") + p("Next")))
    assert texts(doc) == ["Anchor here.", "Boxed text", "Next"]
    assert doc.paragraphs[1].kind == "textbox"
    box = doc.paragraphs[1].pieces[0]
    assert box.editable and len(box.twins) == 1 and box.twins[0] != box.t_index
    different = read_docx(package(p("A", textbox("New text", "Old text"))))
    assert texts(different) == ["A", "New text"]
    assert not different.paragraphs[1].pieces[0].editable


def test_footnotes_and_endnotes_follow_the_body_without_separators():
    foot = notes("footnotes", "A footnote.", p("Second", r(" note", "<w:i/>")))
    end = notes("endnotes", "An endnote.")
    body = p("Body", r(inner='<w:footnoteReference w:id="1"/>'), ".")
    doc = read_docx(package(body, footnotes=foot, endnotes=end))
    assert texts(doc) == ["Body.", "A footnote.", "Second note", "An endnote."]
    assert [x.kind for x in doc.paragraphs] == ["body", "footnote", "footnote", "endnote"]
    assert [x.part for x in doc.paragraphs] == ["word/document.xml", "word/footnotes.xml",
                                                "word/footnotes.xml", "word/endnotes.xml"]
    assert doc.paragraphs[2].p_index == 3   # after the two separator paragraphs and the first note


def test_title_falls_back_to_the_first_heading_then_the_first_text():
    assert read_docx(package(p("intro") + p("Head", style="Heading1"))).title == (6, 10)
    assert read_docx(package(p() + p("  ") + p("First words"))).title == (4, 15)
    assert read_docx(package(p() + p())).title is None
    assert read_docx(package("")).text == ""


def test_pieces_lead_back_to_the_elements_they_came_from():
    data = package(p("Plain ", r("bold", "<w:b/>"), r(inner="<w:tab/>"), "end") + p("x"))
    loaded = load(data)
    para = loaded.text.paragraphs[0]
    ts = loaded.t_elements(para.part)
    for piece, element in zip(para.pieces, loaded.elements[0], strict=True):
        if piece.kind == "text":
            assert ts[piece.t_index] is element
            assert element.text == loaded.text.text[para.start + piece.start:para.start + piece.end]
    assert [(x.start, x.end) for x in para.pieces] == [(0, 6), (6, 10), (10, 11), (11, 14)]


def test_chinese_text_and_astral_characters_count_as_code_points(tmp_path):
    body = p("无锡举行2021世界物联网博览会", style="Title") + p("（记者 张三）", r("𠀀字", "<w:b/>"), "。")
    path = write(tmp_path, "release.zh.docx", package(body))
    doc = read_docx(path)
    assert texts(doc) == ["无锡举行2021世界物联网博览会", "（记者 张三）𠀀字。"]
    assert doc.line_column(doc.text.index("字")) == (2, 9)
    assert doc.title == (0, 16)


def test_path_and_bytes_read_the_same(tmp_path):
    data = package(p("Same") + p("text"))
    assert read_docx(write(tmp_path, "a.docx", data)) == read_docx(data)


def test_a_release_finds_its_chinese_source_beside_it(tmp_path):
    english = write(tmp_path, "wiot.docx", package(p("WIOT 2021 opens in Wuxi")))
    assert chinese_source(english) is None
    source = write(tmp_path, "wiot.zh.docx", package(p("2021世界物联网博览会在无锡开幕")))
    assert chinese_source(english) == source and is_chinese_source(source)
    assert chinese_source(source) is None and not is_chinese_source(english)
    assert read_docx(source).text == "2021世界物联网博览会在无锡开幕"
