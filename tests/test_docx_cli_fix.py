"""`--fix` and `--diff` on Word documents: fixes made inside the runs, every other zip member
byte for byte the same, refusals in one line, and --fix's write rules (read-only, hard links)."""
from __future__ import annotations

import os
import stat

import pytest

pytest.importorskip("docx")

from qa.docx import read_docx  # noqa: E402
from tests.docx.cli_docs import cli, members, write_docx  # noqa: E402

BOLD, ITALIC = {"bold": True}, {"italic": True}
PARAGRAPHS = [
    "Acme Opens Plant in Hefei",
    [("Acme opened a plant today", {}), ("，", BOLD), ("the company said。", {})],
    [("The plant (hereinafter referred to as ", {}), ("“ACME Hefei”", ITALIC),
     (") makes batteries，cells and packs.", {})],
]
FIXED = ("Acme Opens Plant in Hefei\n"
         "Acme opened a plant today, the company said.\n"
         "The plant (hereinafter referred to as “ACME Hefei”) makes batteries, cells and packs.")


@pytest.fixture()
def release(tmp_path):
    return write_docx(tmp_path / "r.docx", PARAGRAPHS)


def _runs(path):
    import docx
    return [[(r.text, bool(r.bold), bool(r.italic)) for r in p.runs] for p in docx.Document(path).paragraphs]


def test_fix_changes_the_runs_text_and_nothing_else(capsys, release):
    before = members(release)
    mode = stat.S_IMODE(os.stat(release).st_mode)
    code, out, err = cli(capsys, "--select", "PU", "--fix", release)
    assert code == 0 and err == "release-qa: fixed 3 findings in 1 file, 0 remaining\n"
    assert read_docx(release).text == FIXED
    after = members(release)
    assert list(after) == list(before)                       # same members, same order
    assert [n for n in before if before[n] != after[n]] == ["word/document.xml"]
    assert _runs(release)[1] == [("Acme opened a plant today", False, False), (", ", True, False),
                                 ("the company said.", False, False)]
    assert stat.S_IMODE(os.stat(release).st_mode) == mode
    assert not [n for n in os.listdir(os.path.dirname(release)) if n.startswith(".rqa-")]
    code, _, err = cli(capsys, "--select", "PU", "--fix", release)   # a second --fix: nothing to do
    assert code == 0 and err == "" and members(release) == after


def test_a_fix_over_differently_formatted_runs_is_refused_in_one_line(capsys, release):
    code, out, err = cli(capsys, "--select", "PU,TR01", "--fix", "--unsafe-fixes", release)
    lines = err.splitlines()
    assert lines[0] == (f"release-qa: warning: {release}:3:11: TR01 fix of '(hereinafter referred to as "
                        "“ACME Hefei”)' not applied: it spans runs with different formatting (italic); fix it "
                        "by hand")
    assert lines[1] == "release-qa: fixed 3 findings in 1 file, 1 remaining"
    assert code == 1 and f"{release}:3:11: TR01" in out
    assert read_docx(release).text == FIXED                  # the other fixes were made
    assert _runs(release)[2][1] == ("“ACME Hefei”", False, True)


def test_diff_shows_the_text_change_and_writes_nothing(capsys, release):
    before = open(release, "rb").read()
    code, out, err = cli(capsys, "--select", "PU", "--diff", release)
    assert code == 1 and err == "release-qa: would fix 3 findings in 1 file\n"
    assert out.splitlines()[:3] == [f"--- {release}", f"+++ {release}", "@@ -1,3 +1,3 @@"]
    assert "-Acme opened a plant today，the company said。" in out.splitlines()
    assert "+Acme opened a plant today, the company said." in out.splitlines()
    assert open(release, "rb").read() == before


def test_read_only_and_hard_linked_documents_are_left_alone(capsys, release, tmp_path):
    before = open(release, "rb").read()
    os.chmod(release, 0o444)
    code, _, err = cli(capsys, "--select", "PU", "--fix", release)
    assert f"release-qa: warning: {release}: file is read-only (mode 0444); not fixed" in err
    os.chmod(release, 0o644)
    os.link(release, tmp_path / "link.docx")
    code, _, err = cli(capsys, "--select", "PU", "--fix", release)
    assert f"release-qa: warning: {release}: file has 2 hard links" in err
    assert open(release, "rb").read() == before and code == 1


def test_a_document_changed_after_the_check_is_not_fixed(capsys, release, monkeypatch):
    import qa.docx.cli as docx_cli
    real = docx_cli.fix_document

    def edited_first(fr, *args):
        write_docx(release, [*PARAGRAPHS, "Another paragraph."])
        return real(fr, *args)
    monkeypatch.setattr(docx_cli, "fix_document", edited_first)
    code, _, err = cli(capsys, "--select", "PU", "--fix", release)
    assert f"release-qa: warning: {release}: changed since it was checked; not fixed" in err
    assert read_docx(release).text.endswith("Another paragraph.")
