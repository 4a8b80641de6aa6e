"""Word documents in `release-qa check`: read like text files (same findings, every format),
paragraph positions in JSON, folder walks, one-line errors, python-docx missing, bilingual pairs."""
from __future__ import annotations

import json
import os
import sys

import pytest

pytest.importorskip("docx")

from qa.docx import read_docx  # noqa: E402
from tests.docx.cli_docs import LANHAI, LANHAI_ZH, SEED_DOCX, SEED_TXT, cli, docx_from_text, write_docx  # noqa: E402
from tests.helpers import ROOT  # noqa: E402

SCHEMA = os.path.join(ROOT, "qa", "schemas", "report.schema.json")
PLACE = ("rule", "line", "column", "end_line", "end_column", "offset", "end_offset", "text", "suggestion")


@pytest.fixture(scope="module")
def seed_reports():
    """The JSON reports of the seed as .docx and as .txt (checked once for the module)."""
    from qa.cli import main

    out = {}
    for path in (SEED_DOCX, SEED_TXT):
        import contextlib
        import io
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            assert main(["check", "--isolated", "--format", "json", path]) == 1
        out[path] = json.loads(buf.getvalue())
    return out


def test_a_docx_gets_the_findings_of_the_same_text(seed_reports):
    docx_file = seed_reports[SEED_DOCX]["files"][0]
    txt_file = seed_reports[SEED_TXT]["files"][0]
    assert (docx_file["format"], docx_file["encoding"]) == ("docx", None)
    assert len(docx_file["findings"]) > 30
    assert [[f[k] for k in PLACE] for f in docx_file["findings"]] == \
        [[f[k] for k in PLACE] for f in txt_file["findings"]]
    assert docx_file["score"] == txt_file["score"]


def test_json_gives_paragraph_positions_for_docx_only_and_fits_the_schema(seed_reports):
    jsonschema = pytest.importorskip("jsonschema")
    with open(SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    for report in seed_reports.values():
        jsonschema.validate(report, schema)
    text = read_docx(SEED_DOCX)
    for f in seed_reports[SEED_DOCX]["files"][0]["findings"]:
        para = text.paragraphs[f["paragraph"]]
        assert f["paragraph"] == f["line"] - 1 and f["paragraph_offset"] == f["column"] - 1
        inside = text.text[para.start:para.end][f["paragraph_offset"]:f["paragraph_end_offset"]]
        assert inside == f["text"] == text.text[f["offset"]:f["end_offset"]]
    assert not any("paragraph" in f for f in seed_reports[SEED_TXT]["files"][0]["findings"])


def test_a_span_running_into_the_next_paragraph_ends_at_its_own():
    from qa.docx.positions import paragraph_fields
    from qa.findings import Location
    loc = Location(10, 20, 3, 5, 4, 2, "abcdef\nxy")
    assert paragraph_fields(loc) == {"paragraph": 2, "paragraph_offset": 4, "paragraph_end_offset": 10}


def test_text_format_shows_the_paragraph_and_jsonl_the_positions(capsys, tmp_path):
    path = write_docx(tmp_path / "r.docx", ["Acme Opens Plant", "Acme opened a plant，it said.",
                                            "Comments are closed."])
    code, out, err = cli(capsys, "--select", "PU01,BP01", path)
    assert (code, err) == (1, "")
    assert out.splitlines()[:4] == [
        f"{path}:2:20: PU01 '，' is a full-width character from a Chinese keyboard: write ', ' [warning]",
        "  |", "2 | Acme opened a plant，it said.", "  |                    ^^"]
    code, out, _ = cli(capsys, "--select", "PU01,BP01", "--format", "jsonl", path)
    line = json.loads(out.splitlines()[0])
    assert [(f["rule"], f["paragraph"], f["paragraph_offset"], f["paragraph_end_offset"])
            for f in line["findings"]] == [("PU01", 1, 19, 20), ("BP01", 2, 0, 20)]


@pytest.mark.parametrize("fmt", ["concise", "sarif", "github", "gitlab", "rdjson", "markdown", "html", "junit"])
def test_every_format_reports_a_docx(capsys, tmp_path, fmt):
    path = write_docx(tmp_path / "r.docx", ["Acme Opens Plant", "Acme opened a plant，it said."])
    code, out, err = cli(capsys, "--select", "PU01", "--format", fmt, path)
    assert code == 1 and err == "" and "r.docx" in out


def test_folder_walks_take_docx_but_not_lock_files_ignored_files_or_sources(capsys, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    write_docx(folder / "a.docx", ["Acme Opens Plant", "Comments are closed."])
    write_docx(folder / "a.zh.docx", ["阿克米工厂开业"])
    write_docx(folder / "old.docx", ["Acme Opens Plant", "Comments are closed."])
    (folder / "~$a.docx").write_bytes(b"\x06owner" + b"\x00" * 100)
    (folder / "b.txt").write_text("Acme opens plant\n\nComments are closed.\n", encoding="utf-8")
    (folder / ".ignore").write_text("old.docx\n", encoding="utf-8")
    code, out, err = cli(capsys, "--select", "BP01", "--format", "json", "-v", str(folder))
    assert code == 1
    assert [os.path.basename(f["path"]) for f in json.loads(out)["files"]] == ["a.docx", "b.txt"]
    assert f"skipped {folder / '~$a.docx'}: a Word lock file" in err
    assert f"skipped {folder / 'old.docx'}: ignored by" in err
    assert f"skipped {folder / 'a.zh.docx'}: a Chinese source" in err


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BAD_FILES = {
    "corrupt.docx": (b"PK\x03\x04" + b"\x00" * 40, "corrupt .docx"),
    "old.docx": (OLE + b"\x00" * 600, "old binary Word format (.doc"),
    "locked.docx": (OLE + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100, "password-protected"),
    "empty.docx": (b"", "empty file"),
    "notes.docx": (b"just some text\n", "not a .docx file"),
    "~$lock.docx": (b"\x06owner" + b"\x00" * 100, "a Word lock file"),
}


def test_bad_word_files_are_one_line_each_and_the_rest_is_checked(capsys, tmp_path):
    paths = []
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    good = write_docx(tmp_path / "good.docx", ["Acme Opens Plant", "Comments are closed."])
    code, out, err = cli(capsys, "--select", "BP01", "--format", "json", *paths, good)
    assert code == 2
    files = {os.path.basename(f["path"]): f for f in json.loads(out)["files"]}
    assert [f["rule"] for f in files["good.docx"]["findings"]] == ["BP01"]
    lines = err.splitlines()
    assert len(lines) == len(BAD_FILES)
    for (name, (_, reason)), line in zip(BAD_FILES.items(), lines):
        assert line.startswith(f"release-qa: error: {tmp_path / name}: ") and reason in line
        assert files[name]["errors"] and not files[name]["findings"]


def test_without_python_docx_one_line_says_how_to_install_and_the_rest_goes_on(capsys, tmp_path, monkeypatch):
    path = write_docx(tmp_path / "r.docx", ["Acme Opens Plant", "Comments are closed."])
    txt = tmp_path / "r.txt"
    txt.write_text("Acme opens plant\n\nComments are closed.\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "docx", None)
    code, out, err = cli(capsys, "--select", "BP01", "--format", "concise", path, str(txt))
    assert code == 2
    assert err.splitlines() == [f"release-qa: error: {path}: reading .docx files needs python-docx and "
                                "defusedxml: pip install 'release-qa[docx]'"]
    assert f"{txt}:3:1: BP01" in out


def test_a_docx_on_stdin_is_read_by_its_name(tmp_path):
    import subprocess
    path = write_docx(tmp_path / "r.docx", ["Acme Opens Plant", "Comments are closed."])
    with open(path, "rb") as fh:
        proc = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", "--select", "BP01",
                               "--format", "concise", "--stdin-filename", "r.docx", "-"],
                              stdin=fh, capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and proc.stdout.decode().startswith("r.docx:2:1: BP01")


def test_a_docx_paired_with_its_chinese_docx(capsys, tmp_path):
    pytest.importorskip("cn2an")
    pytest.importorskip("pypinyin")
    en = docx_from_text(tmp_path / "lanhai.docx", LANHAI)
    zh = docx_from_text(tmp_path / "lanhai.zh.docx", LANHAI_ZH)
    code, out, err = cli(capsys, "--select", "AC01", "--format", "json", str(tmp_path))
    assert code == 1 and err == ""
    (result,) = json.loads(out)["files"]
    assert result["path"] == en
    (finding,) = result["findings"]
    assert (finding["line"], finding["text"]) == (3, "38.5 million yuan")
    source = finding["source"]
    assert (source["path"], source["line"], source["column"], source["text"]) == (zh, 3, 75, "38.5亿元")
    assert read_docx(zh).text[source["offset"]:source["end_offset"]] == "38.5亿元"


def test_the_readme_word_sample_is_what_the_seed_gives(capsys):
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        section = fh.read().split("\n## Word documents\n", 1)[1].split("\n## ", 1)[0]
    sample = section.split("```", 2)[1]
    assert sample.split("\n", 2)[1] == "$ release-qa check seeds/000_f1d4fa1267fc45f6.docx"
    code, out, _ = cli(capsys, "--color", "never", SEED_DOCX)
    out = out.replace(SEED_DOCX, "seeds/000_f1d4fa1267fc45f6.docx")
    for part in sample.split("\n", 2)[2].split("\n...\n"):
        for block in part.split("\n\n"):
            if block.strip("\n"):
                assert block.strip("\n") in out, block[:120]
