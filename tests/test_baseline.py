"""`--baseline FILE` / `--update-baseline`: recorded findings are not reported again, edits
elsewhere do not bring them back, new ones are reported, exit codes follow what is shown."""
from __future__ import annotations

import json
import os

import pytest

from qa import cli
from qa.baseline import baseline_path
from tests.helpers import ROOT

PACK = os.path.join(ROOT, "tests", "fixtures", "fixes_pack.toml")
BASE = ["check", "--isolated", "--pack", PACK, "--select", "ZF01,ZF03", "-j", "1",
        "--format", "json"]
OLD = "Sales rose，costs fell.\nThey carried out talks.\n"


def run(capsys, *args):
    code = cli.main([*BASE, *args])
    out, err = capsys.readouterr()
    shown = [(f["rule"], f["line"], f["column"], f["text"])
             for fr in json.loads(out)["files"] for f in fr["findings"]] if out else []
    return code, shown, err


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "a.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "releases" / "b.txt").write_text("Costs fell，again.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_update_baseline_records_findings_and_reports_none(repo, capsys):
    code, shown, err = run(capsys, "--baseline", "qa-baseline.json", "--update-baseline",
                           "releases")
    assert (code, shown) == (0, [])
    assert "baseline qa-baseline.json: 3 findings recorded" in err
    data = json.loads((repo / "qa-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"], e["line"], e["text"]) for e in data["findings"]] == [
        ("releases/a.txt", "ZF01", 1, "，"), ("releases/a.txt", "ZF03", 2, "carried out"),
        ("releases/b.txt", "ZF01", 1, "，")]


def test_only_new_findings_are_reported_and_old_ones_survive_edits(repo, capsys):
    run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases")
    (repo / "releases" / "a.txt").write_text(
        "BEIJING, 3 May\n\n" + OLD + "Staff carried out checks，too.\n", encoding="utf-8")
    code, shown, err = run(capsys, "--baseline", "qa-baseline.json", "releases")
    assert shown == [("ZF03", 5, 7, "carried out"), ("ZF01", 5, 25, "，")]
    assert code == 1
    assert "3 findings in the baseline not shown" in err


def test_a_clean_run_against_the_baseline_exits_0(repo, capsys):
    run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases")
    code, shown, err = run(capsys, "--baseline", "qa-baseline.json", "releases")
    assert (code, shown) == (0, [])
    assert cli.main([*BASE, "releases"]) == 1       # without the baseline they are back
    capsys.readouterr()


def test_paths_are_relative_to_the_baseline_folder_not_the_working_folder(repo, capsys,
                                                                           monkeypatch):
    run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases")
    monkeypatch.chdir(repo / "releases")
    code, shown, err = run(capsys, "--baseline", "../qa-baseline.json", "a.txt")
    assert (code, shown) == (0, [])


def test_update_keeps_entries_of_files_not_checked(repo, capsys):
    run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases")
    (repo / "releases" / "a.txt").write_text("Sales rose, costs fell.\n", encoding="utf-8")
    run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases/a.txt")
    data = json.loads((repo / "qa-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"]) for e in data["findings"]] == [("releases/b.txt", "ZF01")]


def test_each_entry_hides_one_finding(repo, capsys):
    run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases/b.txt")
    data = json.loads((repo / "qa-baseline.json").read_text(encoding="utf-8"))
    fingerprint = data["findings"][0]["fingerprint"]
    data["findings"].append(dict(data["findings"][0]))      # a duplicate entry changes nothing
    (repo / "qa-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    (repo / "releases" / "b.txt").write_text("Costs fell，again.\nCosts fell，again.\n",
                                             encoding="utf-8")
    code, shown, err = run(capsys, "--baseline", "qa-baseline.json", "releases/b.txt")
    assert shown == [("ZF01", 2, 11, "，")] and code == 1     # the copy is new
    assert fingerprint


@pytest.mark.parametrize("content, message", [
    (None, "baseline file not found (create it with --update-baseline)"),
    ("{not json", "qa-baseline.json:1:2: not valid JSON"),
    ('{"findings": [{"path": "a.txt"}]}', "finding 1 lacks a string path, rule or fingerprint"),
    ("[]", "not a release-qa baseline"),
])
def test_bad_baseline_is_a_one_line_error(repo, capsys, content, message):
    if content is not None:
        (repo / "qa-baseline.json").write_text(content, encoding="utf-8")
    code = cli.main([*BASE, "--baseline", "qa-baseline.json", "releases"])
    out, err = capsys.readouterr()
    assert code == 2 and message in err and err.count("\n") == 1


def test_fix_then_baseline_hides_what_remains(repo, capsys):
    code, shown, err = run(capsys, "--fix", "--baseline", "qa-baseline.json",
                           "--update-baseline", "releases")
    assert (repo / "releases" / "a.txt").read_text(encoding="utf-8") == (
        "Sales rose, costs fell.\nThey carried out talks.\n")
    data = json.loads((repo / "qa-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"]) for e in data["findings"]] == [("releases/a.txt", "ZF03")]
    assert code == 0


def test_baseline_path_uses_forward_slashes(tmp_path):
    base = str(tmp_path / "ci" / "baseline.json")
    assert baseline_path(str(tmp_path / "releases" / "x.txt"), base) == "../releases/x.txt"
    assert baseline_path("-", base) == "-"


# Fingerprints by rule, text and sentence: insertions, deletions, moves and copies elsewhere
# in a release never swap an old finding for a new one.
THREE = ("Sales rose，costs fell.\n"
         "They carried out talks.\n"
         "Margins held，too.\n")


def _baselined(repo, capsys, text):
    (repo / "releases" / "a.txt").write_text(text, encoding="utf-8")
    run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases/a.txt")


def test_a_new_defect_inserted_above_an_old_one_of_the_same_rule_is_the_one_reported(repo, capsys):
    _baselined(repo, capsys, THREE)
    (repo / "releases" / "a.txt").write_text("Profits doubled，said Acme.\n" + THREE, encoding="utf-8")
    code, shown, _ = run(capsys, "--baseline", "qa-baseline.json", "releases/a.txt")
    assert (code, shown) == (1, [("ZF01", 1, 16, "，")])


def test_deleting_a_defect_hides_nothing_new(repo, capsys):
    _baselined(repo, capsys, THREE)
    (repo / "releases" / "a.txt").write_text(THREE.split("\n", 1)[1], encoding="utf-8")
    assert run(capsys, "--baseline", "qa-baseline.json", "releases/a.txt")[:2] == (0, [])
    # and a new defect then added in its place is reported
    (repo / "releases" / "a.txt").write_text("Costs rose，sales fell.\n" + THREE.split("\n", 1)[1],
                                             encoding="utf-8")
    assert run(capsys, "--baseline", "qa-baseline.json", "releases/a.txt")[:2] == (
        1, [("ZF01", 1, 11, "，")])


def test_moved_sentences_keep_their_fingerprints(repo, capsys):
    _baselined(repo, capsys, THREE)
    lines = THREE.splitlines(keepends=True)
    (repo / "releases" / "a.txt").write_text("Intro line.\n\n" + lines[2] + lines[1] + lines[0],
                                             encoding="utf-8")
    assert run(capsys, "--baseline", "qa-baseline.json", "releases/a.txt")[:2] == (0, [])


def test_a_copied_sentence_is_new_and_its_removal_restores_the_baseline(repo, capsys):
    _baselined(repo, capsys, THREE)
    (repo / "releases" / "a.txt").write_text(THREE + "Sales rose，costs fell.\n", encoding="utf-8")
    code, shown, _ = run(capsys, "--baseline", "qa-baseline.json", "releases/a.txt")
    assert (code, shown) == (1, [("ZF01", 4, 11, "，")])
    (repo / "releases" / "a.txt").write_text(THREE, encoding="utf-8")
    assert run(capsys, "--baseline", "qa-baseline.json", "releases/a.txt")[:2] == (0, [])


def test_editing_the_sentence_of_a_recorded_finding_makes_it_new(repo, capsys):
    _baselined(repo, capsys, THREE)
    (repo / "releases" / "a.txt").write_text(THREE.replace("They carried", "Both sides carried"),
                                             encoding="utf-8")
    code, shown, _ = run(capsys, "--baseline", "qa-baseline.json", "releases/a.txt")
    assert (code, shown) == (1, [("ZF03", 2, 12, "carried out")])


def test_a_baseline_of_the_old_fingerprints_asks_to_be_recorded_again(repo, capsys):
    _baselined(repo, capsys, THREE)
    data = json.loads((repo / "qa-baseline.json").read_text(encoding="utf-8"))
    data["version"] = 1
    (repo / "qa-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    code = cli.main([*BASE, "--baseline", "qa-baseline.json", "releases"])
    err = capsys.readouterr().err
    assert code == 2 and "written by an older release-qa (version 1, now 2" in err
    assert "record it again with --update-baseline" in err
    code, shown, _ = run(capsys, "--baseline", "qa-baseline.json", "--update-baseline", "releases")
    assert (code, shown) == (0, [])
    assert json.loads((repo / "qa-baseline.json").read_text(encoding="utf-8"))["version"] == 2
