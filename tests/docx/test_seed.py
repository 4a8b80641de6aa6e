"""The seed release as a .docx: the same text as the .txt, paragraph = line, exact spans."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("docx")

from qa.docx import read_docx  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_TXT = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.txt")
SEED_DOCX = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.docx")


@pytest.fixture(scope="module")
def seed():
    with open(SEED_TXT, encoding="utf-8", newline="") as fh:
        return fh.read(), read_docx(SEED_DOCX)


def test_paragraphs_are_the_lines_of_the_txt(seed):
    txt, doc = seed
    lines = txt.split("\n")
    assert doc.text == txt
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == lines
    assert doc.paragraphs[0].kind == "title" and doc.paragraphs[0].style == "Title"
    assert doc.title == (0, len(lines[0]))
    assert {p.kind for p in doc.paragraphs[1:]} == {"body"}


@pytest.mark.parametrize("phrase, nth, line, column", [
    ("hereinafter referred to as", 0, 4, 70),
    ("Haier Group", 0, 8, 843),      # the two places of the seed's duplicate list item (DU03)
    ("Haier Group", 1, 8, 891),
    ("Jingdong Group", 0, 20, 294),
    ("(Photo by Hu Xiao)", 0, 6, 16),
    ("Interlocutor", 0, 26, 1),
])
def test_known_phrases_map_to_their_paragraph_and_column(seed, phrase, nth, line, column):
    txt, doc = seed
    offset = -1
    for _ in range(nth + 1):
        offset = doc.text.index(phrase, offset + 1)
    assert doc.line_column(offset) == (line, column)
    index, col = doc.locate(offset)
    para = doc.paragraphs[index]
    assert doc.text[para.start + col:para.start + col + len(phrase)] == phrase
    assert txt.split("\n")[line - 1][column - 1:column - 1 + len(phrase)] == phrase


def test_formatted_runs_are_separate_pieces(seed):
    _, doc = seed
    para = doc.paragraphs[3]
    pieces = [doc.text[para.start + x.start:para.start + x.end] for x in para.pieces]
    assert "World Exhibition for the Internet of Things 2021" in pieces
    assert "“WIOT 2021”" in pieces


def test_the_committed_docx_is_what_the_script_makes(tmp_path):
    import importlib.util

    script = os.path.join(ROOT, "scripts", "make_seed_docx.py")
    spec = importlib.util.spec_from_file_location("make_seed_docx", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "seed.docx"
    assert module.main([SEED_TXT, str(out)]) == 0
    with open(SEED_DOCX, "rb") as fh:
        assert out.read_bytes() == fh.read()
