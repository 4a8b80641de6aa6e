"""The command line as a user runs it: exit codes, one-line errors, output shapes."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT, SEED

BAD = "Acme opens plant\n\nShares rose.\n\nComments are closed.\n"


def run(args, cwd=None, stdin=None, env=None):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd or ROOT, capture_output=True,
                          text=True, input=stdin, timeout=120, env=e)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture()
def bad(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text(BAD, encoding="utf-8")
    return str(p)


def test_text_output_shape_and_exit_1(bad):
    code, out, err = run(["check", "--isolated", "--select", "BP01", bad])
    assert code == 1 and err == ""
    assert out.splitlines()[:5] == [
        f"{bad}:5:1: BP01 'Comments are closed.' is web page furniture, not release copy: delete it [warning]",
        "  |",
        "5 | Comments are closed.",
        "  | ^^^^^^^^^^^^^^^^^^^^",
        "",
    ] or out.startswith(f"{bad}:5:1: BP01 ")
    assert "\x1b[" not in out   # no colour when piped
    assert out.rstrip().splitlines()[-1].startswith("Found 1 finding (1 warning) in 1 file")


def test_check_is_the_default_command(bad):
    assert run(["--isolated", "--select", "BP01", bad])[0] == 1


def test_exit_0_when_below_fail_level(bad):
    assert run(["check", "--isolated", "--select", "BP01", "--fail-on", "error", bad])[0] == 0
    assert run(["check", "--isolated", "--select", "BP01", "--exit-zero", bad])[0] == 0
    code, out, _ = run(["check", "--isolated", "--select", "BP01", "--min-severity", "error", bad])
    assert code == 0 and "All checks passed" in out


def test_missing_file_one_line_error_and_others_still_checked(bad, tmp_path):
    missing = str(tmp_path / "nope.txt")
    code, out, err = run(["check", "--isolated", "--select", "BP01", "--format", "json", missing, bad])
    assert code == 2
    assert err == f"release-qa: error: {missing}: no such file or directory\n"
    files = json.loads(out)["files"]
    assert [len(f["findings"]) for f in files] == [0, 1]
    assert files[0]["errors"] == ["no such file or directory"]


def test_undecodable_and_binary_files(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("The Pokémon café in Zürich reopened with Renée.".encode("cp1252"))
    img = tmp_path / "photo.html"
    img.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, out, err = run(["check", "--isolated", str(latin), str(img)])
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"release-qa: error: {latin}: not valid UTF-8")
    assert lines[1] == f"release-qa: error: {img}: binary file, not text"
    assert "Traceback" not in err


def test_broken_rule_pack_is_one_line_exit_2(bad, tmp_path):
    pack = tmp_path / "p.toml"
    pack.write_text('[[rule]]\ncode = "XX01"\nname = "x"\nkind = "existence"\ncategory = "style"\n'
                    'severity = "info"\npatterns = ["(oops"]\n', encoding="utf-8")
    code, out, err = run(["check", "--isolated", "--pack", str(pack), bad])
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"release-qa: error: {pack}:7: bad regex '(oops'")


@pytest.mark.parametrize("args, message", [
    (["check", "--select", "NOPE99", "x.txt"], "unknown rule selector 'NOPE99'"),
    (["check", "--format", "yaml", "x.txt"], "invalid choice: 'yaml'"),
    (["check"], "no files given"),
    (["check", "-o", "sarif", "x.txt"], "--output wants FORMAT=FILE"),
    (["explain", "ZZ99"], "unknown rule 'ZZ99'"),
    (["check", "--jobs", "-1", "x.txt"], "--jobs must be"),
])
def test_usage_errors_exit_2_with_one_line(args, message, bad):
    code, out, err = run([a if a != "x.txt" else bad for a in args])
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["--isolated", "--config", "x.toml"], "--isolated and --config cannot be combined"),
    (["--select", ""], "--select needs at least one rule selector (--select ALL for every rule)"),
    (["--select", " , "], "--select needs at least one rule selector (--select ALL for every rule)"),
    (["--fail-under", "nan"], "--fail-under must be a number from 0 to 100, not nan"),
    (["--fail-under", "-5"], "--fail-under must be a number from 0 to 100, not -5"),
    (["--fail-under", "101"], "--fail-under must be a number from 0 to 100, not 101"),
])
def test_bad_check_arguments_are_usage_errors(args, message, bad, tmp_path):
    cfg = tmp_path / "x.toml"
    cfg.write_text('ignore = ["BP01"]\n', encoding="utf-8")
    code, out, err = run(["check", *[str(cfg) if a == "x.toml" else a for a in args], bad])
    assert (code, out, err) == (2, "", f"release-qa: error: {message}\n")


def test_fail_under_bounds_are_accepted(bad):
    assert run(["check", "--isolated", "--select", "BP01", "--fail-under", "0", "--fail-on", "error", bad])[0] == 0
    assert run(["check", "--isolated", "--select", "BP01", "--fail-under", "100", "--fail-on", "error", bad])[0] == 1


def test_stdin_with_filename(tmp_path):
    code, out, err = run(["check", "--isolated", "--select", "BP01", "--format", "json",
                          "--stdin-filename", "page.html", "-"],
                         stdin="<h1>T</h1><p>Body.</p><p>Comments are closed.</p>")
    assert code == 1, err
    f = json.loads(out)["files"][0]
    assert f["path"] == "page.html" and f["format"] == "html"
    assert f["findings"][0]["column"] == 26


def test_version_rules_and_explain():
    code, out, _ = run(["--version"])
    assert code == 0 and out.startswith("release-qa ")
    code, out, _ = run(["rules"])
    assert code == 0 and "BP01" in out and "web-leftover" in out
    code, out, _ = run(["rules", "--format", "json"])
    assert any(r["code"] == "BP01" for r in json.loads(out))
    code, out, _ = run(["explain", "BP01"])
    assert code == 0
    for heading in ("WHAT IT FINDS", "WHY IT MATTERS", "EXAMPLE", "WRITE INSTEAD"):
        assert heading in out
    code, out, _ = run(["explain", "web-leftover", "--format", "markdown"])
    assert out.startswith("# BP01 web-leftover")


def test_statistics(bad):
    code, out, _ = run(["check", "--isolated", "--select", "BP01", "--statistics", "--no-source", bad])
    assert "1  BP01  web-leftover [warning]" in out


def test_colour_only_when_forced_and_no_color_honoured(bad):
    assert "\x1b[" in run(["check", "--isolated", "--color", "always", bad])[1]
    assert "\x1b[" not in run(["check", "--isolated", bad], env={"NO_COLOR": "1"})[1]


def test_output_files_next_to_stdout(bad, tmp_path):
    out_json = tmp_path / "out" / "r.json"
    code, out, _ = run(["check", "--isolated", "--select", "BP01", "-o", f"json={out_json}", bad])
    assert code == 1
    assert json.loads(out_json.read_text())["summary"]["findings"] == 1
    assert "BP01" in out


def test_folder_walk_with_defaults_and_excludes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.md").write_text(BAD)
    (tmp_path / "a" / "notes.rst").write_text(BAD)
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "x.txt").write_text(BAD)
    (tmp_path / "b.html").write_text("<p>Comments are closed.</p>")
    code, out, _ = run(["check", "--isolated", "--select", "BP01", "--format", "json", str(tmp_path)])
    paths = [os.path.relpath(f["path"], tmp_path) for f in json.loads(out)["files"]]
    assert paths == [os.path.join("a", "r.md"), "b.html"]


def test_symlink_loop_and_broken_link(tmp_path):
    (tmp_path / "d").mkdir()
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    (tmp_path / "d" / "r.txt").write_text(BAD)
    code, out, err = run(["check", "--isolated", "--select", "BP01", "--format", "json",
                          str(tmp_path / "d"), str(tmp_path / "broken.txt")])
    assert code == 2
    assert [os.path.basename(f["path"]) for f in json.loads(out)["files"]] == ["r.txt", "broken.txt"]
    assert "broken symbolic link" in err


def test_python_dash_m_and_console_script_agree():
    exe = os.path.join(os.path.dirname(sys.executable), "release-qa")
    a = subprocess.run([exe, "check", "--isolated", "--format", "json", SEED], capture_output=True, text=True)
    b = run(["check", "--isolated", "--format", "json", SEED])
    assert a.returncode == b[0] and a.stdout == b[1]


def test_a_folder_without_releases_warns_on_stderr(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    code, out, err = run(["check", "--isolated", str(tmp_path)])
    assert code == 0 and "All checks passed (0 files)" in out
    assert err.startswith(f"release-qa: warning: no files to check in {tmp_path} ")
    assert err.count("\n") == 1


def test_console_script_exits_fast_but_flushes_output_and_writes_no_cache(tmp_path):
    # run() skips the interpreter's teardown: the report must still be complete on a file;
    # nothing is written outside the outputs asked for (no cache folder, wherever HOME points)
    exe = os.path.join(os.path.dirname(sys.executable), "release-qa")
    env = dict(os.environ, RELEASE_QA_CACHE_DIR=str(tmp_path / "cache"), HOME=str(tmp_path / "home"),
               XDG_CACHE_HOME=str(tmp_path / "xdg"))
    out = tmp_path / "report.json"
    for cmd in ([exe], [sys.executable, "-m", "qa"]):
        with open(out, "w") as fh:
            code = subprocess.run([*cmd, "check", "--isolated", "--format", "json", SEED],
                                  stdout=fh, env=env, timeout=60, cwd=tmp_path).returncode
        assert code == 1
        assert json.loads(out.read_text())["summary"]["findings"] > 30
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]

def test_help_fits_one_screen_with_examples():
    env = {"COLUMNS": "80"}
    code, top, _ = run(["--help"], env=env)
    assert code == 0 and "examples:" in top and len(top.splitlines()) <= 24
    code, check, _ = run(["check", "--help"], env=env)
    assert code == 0 and "examples:" in check
    assert check.startswith("usage: release-qa check [options] PATH...\n")
    assert len(check.splitlines()) <= 60          # one tall screen
    assert max(len(line) for line in check.splitlines()) <= 80


def test_output_options_as_ruff_users_type_them(bad, tmp_path):
    base = ["check", "--isolated", "--select", "BP01"]
    report = tmp_path / "report.json"
    code, out, err = run([*base, "--output-format", "json", "-o", str(report), bad])
    assert (code, out, err) == (1, "", "")
    assert json.loads(report.read_text())["summary"]["findings"] == 1
    report.unlink()
    code, out, _ = run([*base, "--output-format", "concise", "--output-file", str(report),
                        "-o", f"json={tmp_path / 'also.json'}", bad])
    assert out == "" and report.read_text().startswith(f"{bad}:5:1: BP01 [warning]")
    assert json.loads((tmp_path / "also.json").read_text())["summary"]["findings"] == 1
    code, _, err = run([*base, "-o", "a.txt", "-o", "b.txt", bad])
    assert code == 2 and "the report already goes to a.txt" in err


def test_statistics_prints_counts_only_as_text_or_json(bad):
    code, out, _ = run(["check", "--isolated", "--select", "BP01", "--statistics", bad])
    assert out.splitlines()[0] == "1  BP01  web-leftover [warning]" and "Comments are closed" not in out
    code, out, _ = run(["check", "--isolated", "--select", "BP01", "--statistics", "--format", "json", bad])
    assert json.loads(out) == [{"code": "BP01", "name": "web-leftover", "severity": "warning", "count": 1}]
    code, _, err = run(["check", "--isolated", "--statistics", "--format", "sarif", bad])
    assert code == 2 and "--statistics prints counts as text or JSON, not sarif" in err


class _Terminal:
    def __init__(self, tty=True):
        self.written, self.tty = [], tty

    def isatty(self):
        return self.tty

    def write(self, text):
        self.written.append(text)

    def flush(self):
        pass


def test_progress_only_on_a_terminal_only_for_long_runs(monkeypatch):
    from qa.cli_output import progress_printer
    monkeypatch.delenv("CI", raising=False)
    now = [0.0]
    term = _Terminal()
    show = progress_printer(term, clock=lambda: now[0])
    show(1, 40)                              # under a second: nothing
    now[0] = 1.5
    show(2, 40)
    show(3, 40)                              # too soon after the last update
    now[0] = 2.0
    show(40, 40)                             # done: the line is erased
    assert term.written == ["\r\x1b[Kchecked 2/40 files (5%), 2 s", "\r\x1b[K"]
    assert progress_printer(_Terminal(tty=False)) is None
    monkeypatch.setenv("CI", "true")
    assert progress_printer(_Terminal()) is None
    quick = _Terminal()
    monkeypatch.delenv("CI")
    show = progress_printer(quick, clock=lambda: 0.0)
    show(1, 1)
    assert quick.written == []              # a short run (a pre-commit hook) prints nothing


def test_colour_only_on_a_terminal():
    from qa.cli_output import use_color
    assert use_color("auto", _Terminal()) is True
    assert use_color("auto", _Terminal(tty=False)) is False
    assert use_color("always", _Terminal(tty=False)) is True


def test_explain_indents_every_line_of_a_multi_line_example():
    code, out, _ = run(["explain", "DU04"])
    example = out.split("EXAMPLE\n", 1)[1].split("flags:", 1)[0].splitlines()
    assert len(example) == 3 and all(line.startswith("    ") for line in example)
    assert "- min-words (default 6)" in out          # options as config files spell them
