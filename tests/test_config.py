"""Configuration: found by walking up from the file, validated strictly, applied per file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from qa.errors import ConfigError
from qa.settings import ConfigFinder, parse_config

BAD = "Shares rose.\n\nComments are closed.\n"


def run(args, cwd):
    proc = subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_pyproject_table_found_by_walking_up(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "x"
        [tool.release-qa]
        ignore = ["BP01"]
    """)
    release = write(tmp_path / "a" / "b" / "r.txt", BAD)
    finder = ConfigFinder()
    s = finder.for_path(str(release))
    assert s.path == str(tmp_path / "pyproject.toml")
    assert s.ignore == ("BP01",)
    code, out, err = run(["check", "--select", "BP01", "--format", "json", str(release)], tmp_path)
    assert code == 0, err
    assert json.loads(out)["summary"]["findings"] == 0


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / ".release-qa.toml", 'severity = {BP01 = "error"}\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    release = write(tmp_path / "sub" / "r.txt", BAD)
    code, out, _ = run(["check", "--select", "BP01", "--format", "json", str(release)], tmp_path)
    [f] = json.loads(out)["files"][0]["findings"]
    assert (f["rule"], f["severity"], code) == ("BP01", "error", 1)


@pytest.mark.parametrize("body", [
    '[tool.release-qa]\nignore = ["BP01"]\n',
    '[tool."release-qa"]\nignore = ["BP01"]\n',
    '[tool . release-qa]\nignore = ["BP01"]\n',
    'tool.release-qa.ignore = ["BP01"]\n',
    '[tool]\nrelease-qa = {ignore = ["BP01"]}\n',
    'tool = {release-qa = {ignore = ["BP01"]}}\n',
])
def test_every_spelling_of_the_pyproject_table_is_read(tmp_path, body):
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "release-qa-user"\n' if
                body.startswith("[") else body + '[project]\nname = "release-qa-user"\n')
    if body.startswith("["):
        cfg.write_text(cfg.read_text() + body, encoding="utf-8")
    assert parse_config(str(cfg)).ignore == ("BP01",)


def test_pyproject_naming_release_qa_without_the_table_is_skipped_unparsed(tmp_path):
    # the quick test skips the TOML parse: even a file broken further down is not an error
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\ndependencies = ["release-qa"]\n'
                                             '[broken\n')
    assert parse_config(str(cfg)) is None


@pytest.mark.parametrize("body, line, message", [
    ('selcet = ["BP"]\n', 1, "unknown key 'selcet'"),
    ('ignore = ["BP01"]\nfail-on = 3\n', 2, "'fail-on' must be a str, not int"),
    ('min-severity = "fatal"\n', 1, "'min-severity' must be one of info, warning, error"),
    ('ignore-rules = ["x"]\n', 1, "'ignore-rules' was renamed to 'ignore'"),
    ('[score]\nthreshold = "high"\n', 2, "'score.threshold' has the wrong type"),
    ('select = [\n', 2, "invalid TOML"),
])
def test_bad_config_names_file_line_and_key(tmp_path, body, line, message):
    cfg = write(tmp_path / ".release-qa.toml", body)
    with pytest.raises(ConfigError) as exc:
        parse_config(str(cfg))
    assert str(exc.value).startswith(f"{cfg}:{line}")
    assert message in str(exc.value)


def test_bad_config_in_pyproject_points_into_the_tool_table(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.release-qa]\nselect = "BP"\n')
    with pytest.raises(ConfigError) as exc:
        parse_config(str(cfg))
    assert str(exc.value) == f"{cfg}:5: 'select' must be a list, not str"


def test_broken_config_is_one_line_and_exit_2(tmp_path):
    write(tmp_path / ".release-qa.toml", 'selcet = ["BP"]\n')
    release = write(tmp_path / "r.txt", BAD)
    code, out, err = run(["check", str(release)], tmp_path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "unknown key 'selcet'" in err and ".release-qa.toml:1" in err


def test_per_file_ignores_severity_and_rule_options(tmp_path):
    write(tmp_path / ".release-qa.toml", """
        [per-file-ignores]
        "drafts/*" = ["boilerplate"]
        [rules.BP01]
        disabled-phrases = ["Send e-mail"]
    """)
    draft = write(tmp_path / "drafts" / "d.txt", BAD)
    final = write(tmp_path / "final.txt", BAD + "\nE-mail: Send e-mail\n")
    code, out, _ = run(["check", "--select", "BP01", "--format", "json", str(draft), str(final)], tmp_path)
    files = json.loads(out)["files"]
    assert files[0]["findings"] == []
    assert [f["text"] for f in files[1]["findings"]] == ["Comments are closed."]


def test_unknown_rule_option_and_unknown_rule(tmp_path):
    write(tmp_path / ".release-qa.toml", "[rules.BP01]\nmax-length = 3\n")
    release = write(tmp_path / "r.txt", BAD)
    code, _, err = run(["check", str(release)], tmp_path)
    assert code == 2 and "unknown option 'max-length' for rule BP01" in err
    write(tmp_path / ".release-qa.toml", '[severity]\nZZ99 = "error"\n')
    code, _, err = run(["check", str(release)], tmp_path)
    assert code == 2 and "unknown rule 'ZZ99'" in err


def test_extra_packs_and_glossaries_relative_to_config(tmp_path):
    write(tmp_path / "style" / "house.toml", """
        [[rule]]
        code = "HS01"
        name = "house-phrase"
        kind = "existence"
        category = "style"
        severity = "warning"
        phrases = ["synergy"]
    """)
    write(tmp_path / ".release-qa.toml", 'packs = ["style/house.toml"]\nselect = ["HS01"]\n')
    release = write(tmp_path / "docs" / "r.txt", "Real synergy.\n")
    code, out, err = run(["check", "--format", "json", str(release)], tmp_path / "docs")
    assert code == 1, err
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["HS01"]


def test_explicit_config_and_isolated(tmp_path):
    cfg = write(tmp_path / "other.toml", 'ignore = ["BP01"]\n')
    write(tmp_path / ".release-qa.toml", 'selcet = 1\n')
    release = write(tmp_path / "r.txt", BAD)
    assert run(["check", "--select", "BP01", "--config", str(cfg), str(release)], tmp_path)[0] == 0
    assert run(["check", "--select", "BP01", "--isolated", str(release)], tmp_path)[0] == 1
    code, _, err = run(["check", "--config", str(tmp_path / "none.toml"), str(release)], tmp_path)
    assert code == 2 and "config file not found" in err
