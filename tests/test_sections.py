"""A very long plain-text release is checked in sections (qa/sections.py): where they are cut,
and that what stays whole-file (positions, directives, headline, word count, fingerprints)
is what an unsectioned run reports. The thresholds are lowered here so that short texts are
sectioned; tests/test_memory.py measures what sectioning saves."""
from __future__ import annotations

import glob
import os

import pytest

from qa import sections
from qa.api import Checker
from tests.helpers import ROOT

# rules that look only at a sentence, a list or a line: their findings must not move (DU03
# and DU05 name the line of the first occurrence in their messages: the file's line)
LOCAL = ["DU01", "DU03", "DU05", "GB04", "GB05", "GR01", "GR05", "PU01", "PU02", "PU03", "TR02",
         "TR04", "TM02", "UT01"]


def _releases(count: int | None = None) -> str:
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "releases", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    texts = [open(p, encoding="utf-8").read().strip("\n") for p in paths[:count]]
    return "\n\n".join(texts) + "\n"


def _sectioned(monkeypatch, size: int = 4096) -> None:
    monkeypatch.setattr(sections, "SECTION_THRESHOLD", 0)
    monkeypatch.setattr(sections, "SECTION_CHARS", size)


def _dicts(result) -> list[dict]:
    return [{**f.to_dict(), "suppressed": f.suppressed} for f in result.findings]


# ---- where sections are cut --------------------------------------------------------------

def test_sections_end_after_a_run_of_blank_lines_and_are_of_about_equal_size():
    text = "".join(f"Paragraph {i} says something.\nIt goes on.\n\n\n" for i in range(400))
    starts = sections.cuts(text, 1000)
    assert starts[0] == 0 and starts == sorted(set(starts))
    ends = starts[1:] + [len(text)]
    assert all(e - s <= 1000 for s, e in zip(starts, ends))
    assert max(e - s for s, e in zip(starts, ends)) - min(e - s for s, e in zip(starts, ends)) < 500
    for s in starts[1:]:        # the whole blank run stays with the section before
        assert text[s - 3:s] == "\n\n\n" and text[s] == "P"


def test_without_blank_lines_a_section_ends_at_a_line_end_then_at_a_space():
    lines = "".join(f"Line {i} of a release.\r\n" for i in range(300))
    for s in sections.cuts(lines, 1000)[1:]:
        assert lines[s - 2:s] == "\r\n"        # never between \r and \n
    words = "word " * 1000
    for s in sections.cuts(words, 1000)[1:]:
        assert words[s - 1] == " " and words[s] == "w"
    assert sections.cuts("x" * 2500, 1000) == [0, 834, 1667]
    assert sections.cuts("short", 1000) == [0]


def test_only_long_plain_text_is_sectioned(monkeypatch):
    from qa.source import SourceFile
    long = SourceFile("a.txt", "x" * 2000, "utf-8", False, "\n")
    monkeypatch.setattr(sections, "SECTION_THRESHOLD", 1000)
    assert sections.applies(long, None) and sections.applies(long, "text")
    assert not sections.applies(SourceFile("a.txt", "x" * 999, "utf-8", False, "\n"), None)
    assert not sections.applies(SourceFile("a.md", "x" * 2000, "utf-8", False, "\n"), None)
    assert not sections.applies(long, "html")


# ---- what stays whole-file ----------------------------------------------------------------

def test_local_findings_have_the_positions_and_fingerprints_of_an_unsectioned_run(monkeypatch):
    text = _releases()
    checker = Checker(select=LOCAL, isolated=True)
    whole = checker.check_text(text, "long.txt")
    _sectioned(monkeypatch)
    assert len(sections.cuts(text)) > 10
    parts = checker.check_text(text, "long.txt")
    assert len(whole.findings) > 40
    assert _dicts(parts) == _dicts(whole)
    assert (parts.words, parts.title, parts.score) == (whole.words, whole.title, whole.score)


def test_positions_on_a_line_cut_in_the_middle_are_the_files(monkeypatch):
    """One long line cut at spaces: a later section's first line starts mid-line, and its
    columns are shifted to the file's."""
    text = "Headline\n\nIntro paragraph here.\n\n" + "The firm ranked 22th。 It grew in 苏州. " * 400 + "\n"
    checker = Checker(select=["GB05", "PU02", "UT01"], isolated=True)
    whole = checker.check_text(text, "line.txt")
    _sectioned(monkeypatch, 1000)
    parts = checker.check_text(text, "line.txt")
    assert len(whole.findings) == 1200
    assert _dicts(parts) == _dicts(whole)
    assert {f.line for f in parts.findings} == {5}


def test_a_directive_in_the_first_section_holds_in_the_third(monkeypatch):
    body = "".join(f"Paragraph {i}: the plant opened。 It ranked 22th in 苏州.\n\n" for i in range(100))
    text = ("Headline\n\n<!-- release-qa: disable=PU02 -->\n" + body + body
            + "release-qa: enable=PU02\n\n" + body)
    checker = Checker(select=["PU02", "GB05", "UT01"], isolated=True)
    whole = checker.check_text(text, "d.txt")
    _sectioned(monkeypatch, len(body) // 3)
    starts = sections.cuts(text)
    parts = checker.check_text(text, "d.txt")
    assert _dicts(parts) == _dicts(whole)
    enabled = text.index("release-qa: enable")
    pu02 = [f.offset for f in parts.findings if f.rule == "PU02" and not f.suppressed]
    assert len(pu02) == 100 and min(pu02) > enabled > starts[3]     # silenced in sections 1 to 4
    assert len([f for f in parts.findings if f.rule == "GB05" and f.offset < enabled]) == 200
    assert parts.warnings == whole.warnings


def test_sections_after_the_first_have_no_headline(monkeypatch):
    """Each release of the long text opens with its headline; only the file's first is one."""
    release = ("Acme Group Opens A New Plant In Suzhou Today.\n\n"
               "Acme Group said on Monday that its new plant opened. It employs 300 people.\n\n"
               "The plant makes batteries for cars and buses sold in China and abroad.\n\n")
    text = release * 200
    checker = Checker(select=["TI", "DU04"], isolated=True)
    whole = checker.check_text(text, "t.txt")
    _sectioned(monkeypatch, 2000)
    parts = checker.check_text(text, "t.txt")
    titled = [f for f in parts.findings if f.rule.startswith("TI")]
    assert titled and all(f.line == 1 for f in titled)
    assert [f.to_dict() for f in titled] == [f.to_dict() for f in whole.findings if f.rule.startswith("TI")]
    assert parts.title == whole.title == release.split("\n")[0]
    # a repeated sentence is found within a section, not across sections
    first_cut = sections.cuts(text)[1]
    repeats = [f for f in parts.findings if f.rule == "DU04"]
    assert repeats and all((f.offset < first_cut) == (f.related[0].offset < first_cut) for f in repeats)
    assert all(f"sentence on line {f.related[0].line}:" in f.message for f in repeats)   # the file's
    assert len(repeats) < len([f for f in whole.findings if f.rule == "DU04"])


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markup_is_never_sectioned(monkeypatch, fmt):
    text = "# Headline\n\n" + "The the plant opened.\n\n" * 300
    if fmt == "html":
        text = "<h1>Headline</h1>" + "<p>The the plant opened.</p>" * 300
    checker = Checker(select=["DU01", "TI"], isolated=True)
    whole = checker.check_text(text, "x.md" if fmt == "markdown" else "x.html")
    _sectioned(monkeypatch, 500)
    assert _dicts(checker.check_text(text, "x.md" if fmt == "markdown" else "x.html")) == _dicts(whole)


def test_a_pieces_line_index_gives_the_positions_of_the_whole_text():
    from qa.document.lines import LineIndex, PieceLineIndex
    text = "first line\r\nsecond line\rthird line\n\nfifth line, long enough to be cut\n"
    whole = LineIndex(text)
    for at in (0, 5, 12, 30, 38, 50):
        piece = PieceLineIndex(text[at:], *whole.position(at))
        for k in range(len(text) - at + 1):
            assert piece.position(k) == whole.position(at + k)
            assert piece.line_of(k) == whole.line_of(at + k)
            line, column = whole.position(at + k)
            assert piece.offset(line, column) == k
