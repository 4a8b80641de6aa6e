"""Configuration: found by walking up from the file, validated strictly, applied per file."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from qa.categories import CATEGORIES
from qa.errors import ConfigError
from qa.settings import ConfigFinder, parse_config
from qa.tomlpos import key_line

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
    code, out, err = run(["check", "--format", "json", str(release)], tmp_path)
    assert "BP01" not in json.loads(out)["summary"]["by_rule"], err


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
    # the error belongs to the files under that config; the report is printed as usual
    assert code == 2 and out == "Found 0 findings in 1 file; 1 file with errors.\n"
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
    def rules_found(*args):
        out = run(["check", "--format", "json", *args, str(release)], tmp_path)[1]
        return json.loads(out)["summary"]["by_rule"]
    assert "BP01" not in rules_found("--config", str(cfg))
    assert "BP01" in rules_found("--isolated")
    code, _, err = run(["check", "--config", str(tmp_path / "none.toml"), str(release)], tmp_path)
    assert code == 2 and "config file not found" in err


@pytest.mark.parametrize("body, line, message", [
    ('[rules.DU04]\nmin-words = 6\nthreshold = "x"\n', 3,
     "option 'threshold' of rule DU04 must be a number, not a string"),
    ('[rules.DU04]\nbogus = 1\n', 2,
     "unknown option 'bogus' for rule DU04 (known: min-words, threshold, include-head)"),
    ('[severity]\nBP01 = "info"\nZZ01 = "error"\n', 3, "unknown rule 'ZZ01' in the severity table"),
    ('fail-on = "error"\n\n[rules.ZZ01]\nx = 1\n', 3, "unknown rule 'ZZ01' in the rules table"),
    ('ignore = ["BP01"]\nselect = ["XX"]\n', 2, "unknown rule selector 'XX' (see `release-qa rules`)"),
    ('extend-select = [\n  "BP01",\n]\nignore = ["BP01", "YY"]\n', 4,
     "unknown rule selector 'YY' (see `release-qa rules`)"),
    ('[rules.DU04]\nthreshold = 500\n', 2, "option 'threshold' of rule DU04 must be from 0 to 100, not 500"),
    ('[rules]\nDU02 = {max-words = 1}\n', 2, "option 'max-words' of rule DU02 must be 2 or more, not 1"),
    ('rules.LG01.min-probability = nan\n', 1,
     "option 'min-probability' of rule LG01 must be from 0 to 1, not nan"),
])
def test_config_errors_found_when_rules_are_built_name_file_and_line(tmp_path, body, line, message):
    cfg = write(tmp_path / ".release-qa.toml", body)
    release = write(tmp_path / "r.txt", BAD)
    code, out, err = run(["check", str(release)], tmp_path)
    assert (code, out) == (2, "Found 0 findings in 1 file; 1 file with errors.\n")
    assert err == f"release-qa: error: {cfg}:{line}: {message}\n"


def test_rule_errors_in_pyproject_point_into_the_tool_table(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.release-qa]\nignore = []\n'
                                             '[tool.release-qa.severity]\nZZ01 = "error"\n')
    release = write(tmp_path / "r.txt", BAD)
    code, _, err = run(["check", str(release)], tmp_path)
    assert (code, err) == (2, f"release-qa: error: {cfg}:7: unknown rule 'ZZ01' in the severity table\n")


def test_select_of_the_command_line_replaces_the_config_select(tmp_path):
    write(tmp_path / ".release-qa.toml", 'select = ["XX"]\n')
    release = write(tmp_path / "r.txt", BAD)
    assert run(["check", "--select", "BP01", str(release)], tmp_path)[0] == 1
    code, _, err = run(["check", "--select", "QQ", str(release)], tmp_path)
    assert (code, err) == (2, "release-qa: error: unknown rule selector 'QQ' (see `release-qa rules`)\n")


@pytest.mark.parametrize("body, line, message", [
    ('[per-file-ignores]\n"drafts/*" = ["BP"]\n"a.txt" = "PU"\n', 3,
     "per-file-ignores['a.txt'] must list rule selectors"),
    ('# settings\n[tool.release-qa]\nselect = ["BP"]\n', 2,
     ".release-qa.toml takes the keys at top level, without a [tool.release-qa] table "
     "(that table is for pyproject.toml)"),
    ('[score]\nthreshold = 300\n', 2, "'score.threshold' must be a number from 0 to 100, not 300"),
    ('[score]\nfail-under = -1\n', 2, "'score.fail-under' must be a number from 0 to 100, not -1"),
    ('[score]\nthreshold = nan\n', 2, "'score.threshold' must be a number from 0 to 100, not nan"),
    ('[score]\npenalties = {info = -1}\n', 2, "score.penalties.info must be 0 or more, not -1"),
    ('[score.category-weights]\nstyle = 2\nsytle = 1\n', 3,
     f"unknown category 'sytle' in score.category-weights (known: {', '.join(CATEGORIES)})"),
    ('[score]\ncategory-weights = {style = -0.5}\n', 2,
     "score.category-weights.style must be 0 or more, not -0.5"),
    ('[rules.DU04]\nthreshold = 95\n[score]\nthreshold = "high"\n', 4,
     "'score.threshold' has the wrong type"),
])
def test_bad_values_name_file_and_line_of_their_key(tmp_path, body, line, message):
    cfg = write(tmp_path / ".release-qa.toml", body)
    with pytest.raises(ConfigError) as exc:
        parse_config(str(cfg))
    assert str(exc.value) == f"{cfg}:{line}: {message}"


@pytest.mark.parametrize("text, keys, pyproject, line", [
    ('[rules.DU04]\nthreshold = 1\n', ("rules", "DU04", "threshold"), False, 2),
    ('[rules]\nBP01 = {x = 1}\nDU04 = {threshold = 1}\n', ("rules", "DU04", "threshold"), False, 3),
    ('a = 1\nrules.DU04.threshold = 1\n', ("rules", "DU04", "threshold"), False, 2),
    ('[rules.DU04]\nthreshold = 1\n[score]\nthreshold = 1\n', ("score", "threshold"), False, 4),
    ('[per-file-ignores]\n"drafts/*.txt" = "BP"\n', ("per-file-ignores", "drafts/*.txt"), False, 2),
    ('[rules."DU04"]\nx = 1\n', ("rules", "DU04"), False, 1),
    ('[tool . "release-qa" . severity]\nZZ01 = "error"\n', ("severity", "ZZ01"), True, 2),
    ('[tool]\nrelease-qa = {severity = {ZZ01 = "error"}}\n', ("severity", "ZZ01"), True, 2),
    ('[severity]\nZZ01 = "error"\n', ("severity", "ZZ01"), True, None),
])
def test_key_line_finds_every_way_of_writing_a_key(text, keys, pyproject, line):
    assert key_line(text, keys, pyproject) == line


def test_numeric_options_of_builtin_rules_are_bounded():
    from qa.checks import code_rules as builtin_code_rules
    from qa.rules.base import Option
    unbounded = [f"{r.code}.{o.name}" for r in builtin_code_rules() for o in r.meta.options
                 if type(o.default) in (int, float) and o.min is None and o.max is None]
    assert unbounded == []
    share = Option("share", 0.5, "a share", min=0, max=1)
    assert share.validate(1) is None and share.validate(0.25) is None
    assert share.validate(1.5) == "must be from 0 to 1, not 1.5"
    assert share.validate(float("nan")) == "must be from 0 to 1, not nan"
    assert Option("n", 3, "a count", min=2).validate(1) == "must be 2 or more, not 1"
    assert Option("n", 3, "a count", max=9).validate(10) == "must be 9 or less, not 10"
    assert Option("x", 1.0, "any number").validate(float("inf")) == "must be a finite number, not inf"


TR03_TEXT = "Battery makers meet\n\nTwelve deals were signed in concentrated form in Hefei.\n"


def test_a_command_line_select_replaces_the_configs_select_and_ignore(tmp_path):
    # as in ruff: --select on the command line is a new selection; the config's ignore
    # (here the whole category) must not silently empty it
    write(tmp_path / "pyproject.toml", '[tool.release-qa]\nignore = ["translationese"]\n')
    release = write(tmp_path / "r.txt", TR03_TEXT)
    code, out, err = run(["check", "--select", "TR03", "--format", "json", str(release)], tmp_path)
    assert code == 1, err
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["TR03"]
    # without --select the config's ignore holds
    code, out, _ = run(["check", "--format", "json", str(release)], tmp_path)
    assert "TR03" not in json.loads(out)["summary"]["by_rule"]


def test_a_selection_that_leaves_no_rule_is_an_error(tmp_path):
    release = write(tmp_path / "r.txt", TR03_TEXT)
    code, out, err = run(["check", "--isolated", "--select", "TR03", "--ignore", "TR", str(release)],
                         tmp_path)
    assert (code, out, err) == (2, "", "release-qa: error: --select TR03 --ignore TR leaves no "
                                       "rule active\n")
    cfg = write(tmp_path / ".release-qa.toml", 'select = ["BP01"]\nignore = ["boilerplate"]\n')
    code, out, err = run(["check", str(release)], tmp_path)
    assert code == 2
    assert err == (f"release-qa: error: {cfg}:2: select, ignore and extend-select leave no rule "
                   "active\n")


def test_a_failed_fail_under_names_the_gate_and_its_value(tmp_path):
    release = write(tmp_path / "r.txt", TR03_TEXT)
    code, out, _ = run(["check", "--isolated", "--select", "TR03", "--fail-on", "error",
                        "--fail-under", "95", str(release)], tmp_path)
    assert code == 1
    assert out.splitlines()[-1].endswith("score 16.7/100 (below 90). Failed: fail-under 95 "
                                         "(score 16.7).")
    code, out, _ = run(["check", "--isolated", "--select", "TR03", "--fail-under", "95",
                        str(release)], tmp_path)
    assert out.splitlines()[-1].endswith("Failed: fail-on warning (1 finding at warning or "
                                         "above); fail-under 95 (score 16.7).")


def test_rule_options_are_kebab_case_and_snake_case_is_deprecated(tmp_path):
    release = write(tmp_path / "r.txt", "Acme opened a plant in Hefei.\n\nIt is big.\n\n"
                                        "Acme opened a plant in Hefei.\n")
    cfg = write(tmp_path / ".release-qa.toml", "[rules.DU04]\nmin-words = 20\n")
    code, out, err = run(["check", "--select", "DU04", str(release)], tmp_path)
    assert (code, err) == (0, "")           # a 6-word sentence is below min-words 20
    write(tmp_path / ".release-qa.toml", "[rules.DU04]\nmin_words = 20\n")
    code, out, err = run(["check", "--select", "DU04", str(release)], tmp_path)
    assert code == 0
    assert err == (f"release-qa: warning: {cfg}:2: rule option 'min_words' is spelt 'min-words' "
                   "now, in kebab-case like every other key; the old spelling is deprecated\n")
