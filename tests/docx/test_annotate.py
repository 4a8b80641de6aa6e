"""annotate: a reviewed copy with one Word comment per span, anchored exactly, formatting kept."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import zipfile

import pytest

docx = pytest.importorskip("docx")

from qa.docx import annotate, read_docx  # noqa: E402
from tests.docx.builders import notes, p, package, r, write  # noqa: E402
from tests.docx.test_reader import textbox  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_DOCX = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.docx")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHARS = {W + "tab": "\t", W + "br": " ", W + "cr": " "}


def anchored(path: str) -> dict[int, str]:
    """Comment id -> the text between its range start and end, in every story part."""
    from docx.oxml.parser import parse_xml

    out: dict[int, str] = {}
    with zipfile.ZipFile(path) as zf:
        for name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
            if name not in zf.namelist():
                continue
            open_ids: set[int] = set()
            for el in parse_xml(zf.read(name)).iter():
                if el.tag == W + "commentRangeStart":
                    open_ids.add(int(el.get(W + "id")))
                    out.setdefault(int(el.get(W + "id")), "")
                elif el.tag == W + "commentRangeEnd":
                    open_ids.discard(int(el.get(W + "id")))
                else:
                    text = (el.text or "") if el.tag == W + "t" else CHARS.get(el.tag, "")
                    for i in open_ids:
                        out[i] += text
    return out


def sha(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return i, i + len(phrase)


@pytest.fixture(scope="module")
def seed_review(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("review") / "reviewed.docx")
    before = sha(SEED_DOCX)
    text = read_docx(SEED_DOCX).text
    wanted = [
        (span(text, "Internet of Things 2021 (hereinafter"), "crosses bold into plain"),
        (span(text, "hereinafter referred to as"), "translationese"),
        (span(text, "Exhibition"), "inside one bold run"),
        (span(text, "Haier Group", 1), "listed twice"),
        (span(text, "(Photo by Hu Xiao)"), "caption"),
        (span(text, "Comments are closed."), "whole paragraph"),
        ((text.index("Country: China"), text.index("Comments are closed.") + 8), "runs past its paragraph"),
        ((text.index("Lucy") + 2, text.index("Lucy") + 2), "empty span"),
    ]
    count = annotate(SEED_DOCX, out, [(s, e, msg) for (s, e), msg in wanted])
    return out, count, text, before


def test_every_span_becomes_one_comment_on_exactly_its_text(seed_review):
    out, count, text, _ = seed_review
    assert count == 8
    document = docx.Document(out)
    comments = {c.comment_id: c for c in document.comments}
    assert len(comments) == 8
    assert {c.author for c in comments.values()} == {"release-qa"}
    assert {c.initials for c in comments.values()} == {"QA"}
    by_message = {c.text: anchored(out)[i] for i, c in comments.items()}
    assert by_message == {
        "crosses bold into plain": "Internet of Things 2021 (hereinafter",
        "translationese": "hereinafter referred to as",
        "inside one bold run": "Exhibition",
        "listed twice": "Haier Group",
        "caption": "(Photo by Hu Xiao)",
        "whole paragraph": "Comments are closed.",
        "runs past its paragraph": "Country: China",
        "empty span": "c",
    }


def test_the_source_is_untouched_and_the_copy_reads_the_same(seed_review):
    out, _, text, before = seed_review
    assert sha(SEED_DOCX) == before
    assert read_docx(out).text == text


def test_split_runs_keep_their_formatting(seed_review):
    out, *_ = seed_review
    paragraphs = docx.Document(out).paragraphs
    runs = [(run.text, run.bold, run.italic) for run in paragraphs[3].runs if run.text]
    assert ("World ", True, None) in runs and ("Exhibition", True, None) in runs
    assert (" for the ", True, None) in runs and ("Internet of Things 2021", True, None) in runs
    assert (" (", None, None) in runs and ("hereinafter", None, None) in runs
    caption = [run for run in paragraphs[5].runs if run.text]
    assert [run.text for run in caption] == ["2021 WIOT site ", "(Photo by Hu Xiao)"]
    for run in caption:
        assert run.italic and run.font.size.pt == 9 and str(run.font.color.rgb) == "595959"
    closing = [run for run in paragraphs[31].runs if run.text]
    assert [(run.text, str(run.font.color.rgb)) for run in closing] == [("Comments are closed.", "808080")]


def test_comments_on_tabs_text_boxes_and_empty_paragraphs(tmp_path):
    body = (p("Body with ", r("a tab", "<w:i/>"), r(inner="<w:tab/>"), "inside.") + p()
            + p(textbox("Boxed", "Boxed")))
    src = write(tmp_path, "in.docx", package(body))
    text = read_docx(src).text
    spans = [(*span(text, "tab\tin"), "tab"), (*span(text, "Boxed"), "box"),
             (text.index("\n\n") + 1, text.index("\n\n") + 1, "empty")]
    out = str(tmp_path / "out.docx")
    assert annotate(src, out, spans) == 3
    comments = {c.comment_id: c.text for c in docx.Document(out).comments}
    found = {comments[i]: t for i, t in anchored(out).items()}
    assert found == {"tab": "tab\tin", "box": "Boxed", "empty": ""}
    assert read_docx(out).text == text


def test_a_span_in_a_note_is_commented_on_its_reference_mark(tmp_path):
    ref = r(inner='<w:footnoteReference w:id="1"/>')
    src = write(tmp_path, "in.docx", package(p("Body", ref, " text."),
                                             footnotes=notes("footnotes", "The footnote text."),
                                             endnotes=notes("endnotes", "An endnote nobody cites.")))
    text = read_docx(src).text
    out = str(tmp_path / "out.docx")
    assert annotate(src, out, [(*span(text, "footnote"), "check"), (*span(text, "nobody"), "lost")]) == 1
    messages = [c.text for c in docx.Document(out).comments]
    assert messages == ["In the footnote here, \u201cfootnote\u201d: check"]
    with zipfile.ZipFile(out) as zf:
        document = zf.read("word/document.xml").decode()
        assert "comment" not in zf.read("word/footnotes.xml").decode()
    start = document.index("<w:commentRangeStart")
    assert document.index("<w:footnoteReference", start) < document.index("<w:commentRangeEnd", start)
    assert read_docx(out).text == text


def test_annotate_refuses_to_overwrite_its_source(tmp_path):
    src = write(tmp_path, "in.docx", package(p("x")))
    with pytest.raises(ValueError):
        annotate(src, src, [(0, 1, "no")])


@pytest.mark.slow
def test_libreoffice_opens_the_reviewed_copy(seed_review, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    out, *_ = seed_review
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), out], capture_output=True, timeout=180)
    pdf = tmp_path / "reviewed.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode(errors="replace")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    # LibreOffice sees every comment, the one placed for a footnote too
    ref = r(inner='<w:footnoteReference w:id="1"/>')
    body = p("Body", ref, r(" text", "<w:b/>")) + p(textbox("Boxed", "Boxed"))
    src = write(tmp_path, "notes.docx", package(body, footnotes=notes("footnotes", "The footnote text.")))
    text = read_docx(src).text
    noted = str(tmp_path / "noted.docx")
    spans = [(*span(text, "footnote"), "a"), (*span(text, "dy te"), "b"), (*span(text, "Box"), "c")]
    assert annotate(src, noted, spans) == 3
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
                           "--outdir", str(tmp_path), noted, out], capture_output=True, timeout=180)
    for name, count in (("noted.odt", 3), ("reviewed.odt", 8)):
        assert (tmp_path / name).exists(), done.stderr.decode(errors="replace")
        with zipfile.ZipFile(tmp_path / name) as zf:
            assert zf.read("content.xml").count(b"<office:annotation ") == count
