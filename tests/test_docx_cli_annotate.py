"""`release-qa check --annotate DIR`: reviewed copies of Word documents, each finding a comment
anchored on its exact span; originals untouched; where copies go and when they are refused."""
from __future__ import annotations

import json
import os
import shutil

import pytest

pytest.importorskip("docx")

from qa.docx import read_docx  # noqa: E402
from tests.docx.cli_docs import SEED_DOCX, anchored, cli, comments, libreoffice_anchored, write_docx  # noqa: E402

RELEASE = ["Acme Opens Plant", "Acme opened a plant，it said。", "Comments are closed."]


@pytest.fixture(scope="module")
def reviewed_seed(tmp_path_factory):
    """The seed's reviewed copy and the findings of the run that wrote it."""
    import contextlib
    import io

    from qa.cli import main
    folder = tmp_path_factory.mktemp("annotate")
    src = folder / "in" / "seed.docx"
    src.parent.mkdir()
    shutil.copyfile(SEED_DOCX, src)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--isolated", "--format", "json", "--annotate", str(folder / "out"), str(src)])
    assert code == 1
    findings = json.loads(out.getvalue())["files"][0]["findings"]
    return folder, src, folder / "out" / "seed.docx", findings, err.getvalue()


def test_every_finding_is_a_comment_on_its_exact_span(reviewed_seed):
    folder, src, copy, findings, err = reviewed_seed
    with open(src, "rb") as a, open(SEED_DOCX, "rb") as b:
        assert a.read() == b.read()                     # the original is untouched
    assert err == f"release-qa: --annotate: 1 reviewed copy in {folder / 'out'} ({len(findings)} comments)\n"
    found = comments(copy)
    assert len(found) == len(findings) > 30
    spans = anchored(copy)
    for (cid, author, text), f in zip(found, findings):
        assert author == "release-qa"
        assert text.startswith(f"{f['rule']} ({f['severity']}): {f['message']}")
        if f["suggestion"]:
            assert f"\nWrite instead: {f['suggestion']}" in text
        assert spans[cid] == f["text"]
    assert read_docx(copy).text == read_docx(SEED_DOCX).text    # comments add no text


def test_libreoffice_opens_the_copy_with_the_same_anchors(reviewed_seed, tmp_path):
    _, _, copy, findings, _ = reviewed_seed
    try:
        seen = libreoffice_anchored(copy, tmp_path)
    except Exception as exc:        # a broken LibreOffice install is not this test's subject
        pytest.skip(f"LibreOffice could not convert the file: {exc}")
    if seen is None:
        pytest.skip("LibreOffice is not installed")
    assert sorted(seen) == sorted(f["text"] for f in findings)


def test_min_severity_chooses_the_comments(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    path = write_docx(tmp_path / "in" / "r.docx", RELEASE)
    code, out, err = cli(capsys, "--select", "PU,BP01,TI", "--min-severity", "warning", "--annotate",
                         str(tmp_path / "out"), path)
    assert code == 1
    assert [c[2].split(" ")[0] for c in comments(tmp_path / "out" / "r.docx")] == ["PU01", "PU02", "BP01"]
    assert list(anchored(tmp_path / "out" / "r.docx").values()) == ["，", "。", "Comments are closed."]


def test_copies_keep_their_folders_and_clashes_are_refused(capsys, tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "tree" / sub).mkdir(parents=True)
        write_docx(tmp_path / "tree" / sub / "r.docx", RELEASE)
    (tmp_path / "tree" / "notes.txt").write_text("Comments are closed.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = cli(capsys, "--select", "BP01", "--annotate", str(out), str(tmp_path / "tree"))
    assert code == 1 and "2 reviewed copies" in err
    assert sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs) == \
        [os.path.join("a", "r.docx"), os.path.join("b", "r.docx")]
    shutil.rmtree(out)
    a, b = (str(tmp_path / "tree" / sub / "r.docx") for sub in ("a", "b"))
    code, _, err = cli(capsys, "--select", "BP01", "--annotate", str(out), a, b)
    assert code == 2
    assert f"release-qa: error: {b}: --annotate: {out / 'r.docx'} is already the reviewed copy of {a}" in err
    assert comments(out / "r.docx")


def test_the_originals_folder_is_refused_before_any_work(capsys, tmp_path):
    path = write_docx(tmp_path / "r.docx", RELEASE)
    before = open(path, "rb").read()
    for target in (str(tmp_path), str(tmp_path) + "/."):
        code, out, err = cli(capsys, "--annotate", target, path)
        assert (code, out) == (2, "")
        assert err == (f"release-qa: error: --annotate {target}: that is the folder of {path}; reviewed "
                       "copies go to another folder, so that no original is replaced\n")
    code, _, err = cli(capsys, "--annotate", str(tmp_path), str(tmp_path))
    assert code == 2 and "that is the folder checked" in err
    (tmp_path / "file").write_text("x")
    code, _, err = cli(capsys, "--annotate", str(tmp_path / "file"), path)
    assert code == 2 and "exists and is not a folder" in err
    code, _, err = cli(capsys, "--annotate", str(tmp_path / "o"), "--diff", path)
    assert code == 2 and "cannot be combined with --annotate" in err
    assert open(path, "rb").read() == before and sorted(os.listdir(tmp_path)) == ["file", "r.docx"]


def test_a_copy_never_replaces_a_file_being_checked(capsys, tmp_path):
    for sub in ("in", "other", "out"):
        (tmp_path / sub).mkdir()
    first = write_docx(tmp_path / "in" / "r.docx", RELEASE)
    second = write_docx(tmp_path / "other" / "x.docx", RELEASE[:2])
    os.link(second, tmp_path / "out" / "r.docx")        # the same file under the copy's name
    before = open(second, "rb").read()
    code, _, err = cli(capsys, "--select", "BP01", "--annotate", str(tmp_path / "out"), first, second)
    assert code == 2
    assert f"{first}: --annotate: {tmp_path / 'out' / 'r.docx'} is one of the files being checked" in err
    assert open(second, "rb").read() == before
    assert (tmp_path / "out" / "x.docx").exists()


def test_no_word_document_means_a_note_and_nothing_written(capsys, tmp_path):
    txt = tmp_path / "r.txt"
    txt.write_text("Comments are closed.\n", encoding="utf-8")
    code, _, err = cli(capsys, "--select", "BP01", "--annotate", str(tmp_path / "out"), str(txt))
    assert code == 1 and "no Word document (.docx) among the files checked; nothing written" in err
    assert not (tmp_path / "out").exists()


def test_a_document_changed_after_the_check_gets_no_copy(capsys, tmp_path, monkeypatch):
    path = write_docx(tmp_path / "r.docx", RELEASE)
    import qa.docx.cli as docx_cli
    real = docx_cli._write_copy

    def changed_first(fr, dest):
        write_docx(path, [*RELEASE, "A new paragraph."])
        return real(fr, dest)
    monkeypatch.setattr(docx_cli, "_write_copy", changed_first)
    code, _, err = cli(capsys, "--select", "BP01", "--annotate", str(tmp_path / "out"), path)
    assert code == 2
    assert f"{path}: --annotate: changed since it was checked; no reviewed copy written" in err
    assert not (tmp_path / "out" / "r.docx").exists()
