"""apply_fixes: edits made inside the runs, refused with a reason where they cannot be, and
nothing else in the file changed."""
from __future__ import annotations

import os
import stat
import zipfile

import pytest

docx = pytest.importorskip("docx")

from qa.docx import apply_fixes, read_docx  # noqa: E402
from tests.docx.builders import DECL, NAMESPACES, notes, p, package, r, write  # noqa: E402
from tests.docx.test_reader import textbox  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_DOCX = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.docx")


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return i, i + len(phrase)


def members(path: str) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def fix(tmp_path, data: bytes, phrase_edits, name="in.docx"):
    src = write(tmp_path, name, data)
    text = read_docx(src).text
    edits = [(*span(text, phrase, nth), new) for phrase, nth, new in phrase_edits]
    out = str(tmp_path / "out.docx")
    return src, out, text, apply_fixes(src, out, edits)


def test_seed_fixes_change_only_the_fixed_text(tmp_path):
    text = read_docx(SEED_DOCX).text
    edits = [(*span(text, "hereinafter referred to as"), "hereafter"),
             (*span(text, "Jingdong Group"), "JD Group"),
             (*span(text, "Interlocutor"), "Contact"), (*span(text, "Haier Group, ", 1), "")]
    out = str(tmp_path / "fixed.docx")
    result = apply_fixes(SEED_DOCX, out, edits)
    assert result.refused == [] and result.written and len(result.applied) == 4
    expected = text
    for start, end, new in sorted(edits, reverse=True):
        expected = expected[:start] + new + expected[end:]
    assert result.text == expected == read_docx(out).text
    before, after = members(SEED_DOCX), members(out)
    assert [n for n, _ in before] == [n for n, _ in after]
    assert [n for (n, a), (_, b) in zip(before, after, strict=True) if a != b] == ["word/document.xml"]
    old = dict(before)["word/document.xml"].decode()
    new = dict(after)["word/document.xml"].decode()
    for old_t, new_t in (("(hereinafter referred to as ", "(hereafter "), ("Jingdong Group", "JD Group"),
                         ("Interlocutor:", "Contact:"),
                         ("etc. Ltd, Haier Group, Envision", "etc. Ltd, Envision")):
        assert old.count(old_t) == 1
        old = old.replace(old_t, new_t)
    assert new == old  # every other character of the part is as it was
    paragraph = docx.Document(out).paragraphs[25]
    assert [(run.text, run.bold) for run in paragraph.runs] == [("Contact:", True), (" Lucy", None)]


def test_an_edit_across_runs_of_one_formatting_goes_into_the_first_run(tmp_path):
    data = package(p(r("Jing", "<w:i/>"), r("dong Group", "<w:i/>"), " said."))
    src, out, _, result = fix(tmp_path, data, [("Jingdong Group", 0, "JD Group")])
    assert result.refused == [] and read_docx(out).text == "JD Group said."
    runs = docx.Document(out).paragraphs[0].runs
    assert [(run.text, run.italic) for run in runs] == [("JD Group", True), ("", True), (" said.", None)]


@pytest.mark.parametrize("body, phrase, new, reason", [
    (p("A ", r("bold", "<w:b/>"), " word"), "A bold", "A strong", "different formatting (bold)"),
    (p(r("big", '<w:sz w:val="40"/>'), r(" and small", '<w:sz w:val="20"/>')), "big and", "x", "(size)"),
    (p("one") + p("two"), "one\ntwo", "one two", "spans two paragraphs"),
    (p("a", r(inner="<w:tab/>"), "b"), "a\tb", "a b", "covers a tab"),
    (p("line", r(inner="<w:br/>"), "end"), "e e", "e-e", "covers a break"),
    (p("x", '<w:hyperlink r:id="rIdLink">' + r("link") + "</w:hyperlink>"), "xlink", "x link", "hyperlink"),
    (p("Anchor", textbox("New text", "Old text")), "New", "Old", "fallback copy"),
    (p("text"), "text", "two\nlines", "line break"),
    (p("Group", r(inner='<w:footnoteReference w:id="1"/>'), " said"), "Group said", "X", "a note mark"),
    (p("Haier ", r("secret ", "<w:vanish/>"), "Group"), "Haier Group", "Haier", "hidden or deleted text"),
    (p("Haier ", '<w:del w:id="1" w:author="a"><w:r><w:delText>x</w:delText></w:r></w:del>', "Group"),
     "Haier Group", "Haier", "hidden or deleted text"),
])
def test_edits_that_cannot_be_made_in_the_runs_are_refused(tmp_path, body, phrase, new, reason):
    _, out, _, result = fix(tmp_path, package(body), [(phrase, 0, new)])
    assert result.applied == [] and not result.written and not os.path.exists(out)
    [(_, why)] = result.refused
    assert reason in why and "\n" not in why


def test_overlapping_and_out_of_range_edits_are_refused_the_rest_applied(tmp_path):
    src = write(tmp_path, "in.docx", package(p("The quick brown fox.")))
    out = str(tmp_path / "out.docx")
    edits = [(4, 9, "slow"), (6, 12, "x"), (50, 60, "y"), (19, 19, "!"), (19, 19, "?")]
    result = apply_fixes(src, out, edits)
    assert result.applied == [(4, 9, "slow"), (19, 19, "!")]
    assert [why for _, why in result.refused] == ["it overlaps another edit", "it overlaps another edit",
                                                 "span 50-60 is outside the text (0-20)"]
    assert read_docx(out).text == "The slow brown fox!."


def test_entities_and_other_characters_of_the_run_are_kept(tmp_path):
    run = '<w:r><w:t xml:space="preserve">R&amp;D &#x2019;s &quot;plan&quot; is &lt;here&gt;</w:t></w:r>'
    document = DECL + f"<w:document {NAMESPACES}><w:body><w:p>{run}</w:p></w:body></w:document>"
    src = write(tmp_path, "in.docx", package("", document=document))
    assert read_docx(src).text == "R&D \u2019s \"plan\" is <here>"
    out = str(tmp_path / "out.docx")
    result = apply_fixes(src, out, [(7, 13, "<b & c>")])
    assert result.refused == []
    raw = dict(members(out))["word/document.xml"].decode()
    assert "R&amp;D &#x2019;s &lt;b &amp; c&gt; is &lt;here&gt;" in raw
    assert read_docx(out).text == "R&D \u2019s <b & c> is <here>"


def test_spaces_at_a_run_edge_get_xml_space_preserve(tmp_path):
    run = "<w:r><w:t>Hello</w:t></w:r>"
    document = DECL + f"<w:document {NAMESPACES}><w:body><w:p>{run}</w:p></w:body></w:document>"
    src = write(tmp_path, "in.docx", package("", document=document))
    out = str(tmp_path / "out.docx")
    assert apply_fixes(src, out, [(0, 5, "Hi ")]).refused == []
    assert '<w:t xml:space="preserve">Hi </w:t>' in dict(members(out))["word/document.xml"].decode()
    assert read_docx(out).text == "Hi "


def test_text_box_copies_change_together_and_notes_can_be_fixed(tmp_path):
    data = package(p("Anchor", textbox("Jingdong Group", "Jingdong Group")),
                   footnotes=notes("footnotes", "Source: Jingdong Group."))
    _, out, _, result = fix(tmp_path, data, [("Jingdong", 0, "JD"), ("Jingdong", 1, "JD")])
    assert result.refused == []
    assert read_docx(out).text == "Anchor\nJD Group\nSource: JD Group."
    parts = dict(members(out))
    assert parts["word/document.xml"].decode().count("JD Group") == 2   # the choice and the fallback
    assert "Jingdong" not in parts["word/document.xml"].decode() + parts["word/footnotes.xml"].decode()


def test_utf16_parts_stay_utf16(tmp_path):
    xml = ('<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n'
           f"<w:document {NAMESPACES}><w:body>{p('Jingdong Group said.')}</w:body></w:document>")
    data = package("", document=xml.encode("utf-16"))
    _, out, _, result = fix(tmp_path, data, [("Jingdong Group", 0, "JD Group")])
    assert result.refused == []
    raw = dict(members(out))["word/document.xml"]
    assert raw.startswith(b"\xff\xfe") and raw.decode("utf-16") == xml.replace("Jingdong Group", "JD Group")


def test_in_place_fix_keeps_the_mode_and_leaves_no_temporary_file(tmp_path):
    src = write(tmp_path, "release.docx", package(p("The the plan.")))
    os.chmod(src, 0o640)
    result = apply_fixes(src, src, [(0, 7, "The")])
    assert result.written and read_docx(src).text == "The plan."
    assert stat.S_IMODE(os.stat(src).st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["release.docx"]


def test_nothing_is_applied_when_the_file_changed_since_it_was_checked(tmp_path):
    src = write(tmp_path, "in.docx", package(p("New text")))
    out = str(tmp_path / "out.docx")
    result = apply_fixes(src, out, [(0, 3, "Old")], expect_text="Old text")
    assert result.applied == [] and not result.written and not os.path.exists(out)
    assert result.refused == [((0, 3, "Old"), "the file changed since it was checked")]
    assert apply_fixes(src, out, [(0, 3, "Old")], expect_text="New text").written


def test_an_insertion_between_runs_goes_into_the_run_before(tmp_path):
    src = write(tmp_path, "in.docx", package(p(r("Haier", "<w:b/>"), r(" Group said"))))
    out = str(tmp_path / "out.docx")
    result = apply_fixes(src, out, [(5, 5, "!"), (0, 0, "«"), (16, 16, "»")])
    assert result.refused == []
    runs = docx.Document(out).paragraphs[0].runs
    assert [(run.text, run.bold) for run in runs] == [("«Haier!", True), (" Group said»", None)]


def test_bookmarks_and_proofing_marks_between_runs_do_not_stop_an_edit(tmp_path):
    body = p("Jing", '<w:bookmarkStart w:id="0" w:name="b"/><w:proofErr w:type="spellStart"/>', "dong",
             '<w:bookmarkEnd w:id="0"/>', " Group")
    _, out, _, result = fix(tmp_path, package(body), [("Jingdong Group", 0, "JD Group")])
    assert result.refused == [] and read_docx(out).text == "JD Group"


def test_a_dry_run_says_what_would_change_and_writes_nothing(tmp_path):
    src = write(tmp_path, "in.docx", package(p("Jingdong Group ", r("said", "<w:b/>"))))
    before = (tmp_path / "in.docx").read_bytes()
    result = apply_fixes(src, src, [(0, 8, "JD"), (9, 19, "x")], dry_run=True)
    assert result.text == "JD Group said" and not result.written
    [(_, why)] = result.refused
    assert why == "it spans runs with different formatting (bold); fix it by hand"
    assert (tmp_path / "in.docx").read_bytes() == before
