"""The README stays true: its sample output is what the checker prints for the seed, its
rule count is the number of rules, and its two fresh-machine commands come first."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.helpers import ROOT, ruleset

with open(f"{ROOT}/README.md", encoding="utf-8") as fh:
    README = fh.read()


def seed_output() -> str:
    proc = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", "--color", "never",
                           "seeds/000_f1d4fa1267fc45f6.txt"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


def test_sample_output_is_what_the_seed_gives():
    sample = README.split("## Sample output", 1)[1].split("```", 2)[1]
    shown = sample.split("\n", 2)[2]          # after the opening fence line and the $ command
    real = seed_output()
    for part in shown.split("\n...\n"):
        for block in part.split("\n\n"):          # each finding's block, as printed
            block = block.strip("\n")
            if block:
                assert block in real, block[:120]
    assert shown.rstrip().splitlines()[-1] == real.rstrip().splitlines()[-1]


def test_rule_count_is_the_number_of_rules():
    found = re.search(r"^(\d+) rules in (\w+) fixed categories", README, re.M)
    assert int(found.group(1)) == len(ruleset().rules)
    from qa.categories import CATEGORIES
    words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
            "fifteen sixteen seventeen eighteen nineteen twenty".split()
    assert found.group(2) == words[len(CATEGORIES) - 1]


def test_readme_opens_with_the_two_fresh_machine_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "release-qa check seeds/000_f1d4fa1267fc45f6.txt" in blocks[0]
    assert "pytest" in blocks[1]
    with open(f"{ROOT}/.ci/run", encoding="utf-8") as fh:
        assert blocks[1].strip() in fh.read()      # CI runs exactly the README's test command


# The README's examples run, so they cannot rot: every `release-qa` command of "Using it" and
# of examples/README.md, the configuration example (with the rule pack example as its pack),
# the inline directives and the pinned pre-commit and workflow revisions.

import json  # noqa: E402
import os  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402

import pytest  # noqa: E402

with open(f"{ROOT}/examples/README.md", encoding="utf-8") as fh:
    EXAMPLES = fh.read()
CLEAN = os.path.join(ROOT, "tests", "fixtures", "releases", "probe_clean_byd_battery.txt")


def _section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


def _commands(block: str) -> list[list[str]]:
    """The release-qa commands of a shell block, each without its trailing comment."""
    out = []
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("release-qa ") and not any(c in line for c in "|<>$\\"):
            out.append(shlex.split(line, comments=True))
    return out


@pytest.fixture
def repository(tmp_path):
    """A user's repository: releases (clean and defective) beside project files."""
    (tmp_path / "releases" / "2024").mkdir(parents=True)
    (tmp_path / "README.md").write_text("# Acme press releases\n\nCopyright 2024 Acme Corp. All rights "
                                        "reserved.\n", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("MIT License\n\nCopyright (c) 2024 Acme Corp\n", encoding="utf-8")
    (tmp_path / "requirements.txt").write_text("release-qa\n", encoding="utf-8")
    shutil.copy(CLEAN, tmp_path / "releases" / "2024" / "battery.txt")
    (tmp_path / "releases" / "plant.txt").write_text(
        "Acme opens plant in Hefei\n\nAcme opened a plant in Hefei on Monday，it said.\n\n"
        "Comments are closed.\n", encoding="utf-8")
    return tmp_path


def _run(args, cwd):
    proc = subprocess.run([sys.executable, "-m", "qa", *args[1:]], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": ROOT})
    return proc


def test_every_command_of_using_it_runs(repository):
    blocks = re.findall(r"```sh\n(.*?)\n```", _section(README, "## Using it"), re.S)
    commands = [c for b in blocks for c in _commands(b)]
    assert len(commands) >= 10
    for args in commands:
        proc = _run(args, repository)
        assert proc.returncode in (0, 1), (args, proc.stderr)
        assert "error:" not in proc.stderr, (args, proc.stderr)
    assert json.loads((repository / "report.json").read_text(encoding="utf-8"))["summary"]["files"] == 2


def test_the_commands_of_examples_readme_run(repository):
    blocks = re.findall(r"```sh\n(.*?)\n```", EXAMPLES, re.S)
    commands = [c for b in blocks for c in _commands(b)]
    assert any("--update-baseline" in c for c in commands)
    for args in commands:
        proc = _run(args, repository)
        assert proc.returncode in (0, 1), (args, proc.stderr)
        assert "error:" not in proc.stderr, (args, proc.stderr)


def test_the_configuration_example_and_the_pack_example_work_together(repository):
    from qa.settings import parse_config
    config = re.search(r"```toml\n(\[tool\.release-qa\].*?)\n```", README, re.S).group(1)
    pack = re.search(r"```toml\n(\[\[rule\]\].*?)\n```", README, re.S).group(1)
    (repository / "qa").mkdir()
    (repository / "qa" / "house-style.toml").write_text(pack + "\n", encoding="utf-8")
    (repository / "qa" / "our-companies.toml").write_text(
        '[[entity]]\ncanonical = "Acme Corporation"\nwrong = ["Acme Corp."]\nkind = "organisation"\n',
        encoding="utf-8")
    (repository / "pyproject.toml").write_text(config + "\n", encoding="utf-8")
    settings = parse_config(str(repository / "pyproject.toml"))
    assert settings.respect_gitignore is True and dict(settings.rule_options)["DU04"]
    proc = _run(["release-qa", "check", "releases/"], repository)
    assert proc.returncode in (0, 1) and proc.stderr == "", proc.stderr


def test_the_inline_directives_shown_are_directives_that_draw_no_warning():
    from qa.document import document_from_text
    from qa.runner import directive_warnings
    from tests.helpers import ruleset
    block = re.search(r"\*\*Inline suppression\*\*.*?```\n(.*?)```", README, re.S).group(1)
    doc = document_from_text(block)
    assert [d.action for d in doc.directives] == ["disable-line", "disable-next-line", "disable",
                                                 "enable", "disable-file"]
    assert directive_warnings(doc, ruleset()) == []


def _git(*args) -> str:
    return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True,
                          timeout=60).stdout.strip()


def test_the_pinned_revisions_are_commits_with_the_hooks():
    if shutil.which("git") is None or not os.path.exists(os.path.join(ROOT, ".git")):
        pytest.skip("not a git checkout")
    if _git("rev-parse", "--is-shallow-repository") == "true":
        pytest.skip("a shallow clone lacks the history the pin points into")
    import yaml
    with open(f"{ROOT}/examples/release-qa.yml", encoding="utf-8") as fh:
        workflow = yaml.safe_load(fh)
    uses = [s["uses"] for s in workflow["jobs"]["release-qa"]["steps"] if "release-qa@" in s.get("uses", "")]
    revs = set(re.findall(r"^\s*rev: ([0-9a-f]{40})\b", README + EXAMPLES, re.M))
    revs |= {u.rsplit("@", 1)[1] for u in uses}
    assert revs and all(re.fullmatch(r"[0-9a-f]{40}", r) for r in revs)
    for rev in revs:
        assert _git("cat-file", "-t", rev) == "commit", rev
        hooks = yaml.safe_load(_git("show", f"{rev}:.pre-commit-hooks.yaml"))
        assert {h["id"] for h in hooks} >= {"release-qa", "release-qa-fix"}
        assert "--force-exclude" in hooks[0]["entry"]         # the scope fix is in the pinned commit
        assert "default: releases" in _git("show", f"{rev}:action.yml")


def test_the_rule_table_names_every_rule_once():
    section = README[README.index("## What it finds"):README.index("## Sample output")]
    listed = []
    for row in re.findall(r"^\| [^|]+ \| ([A-Z0-9, -]+) \|", section, re.M):
        for part in row.split(","):
            part = part.strip()
            if "-" in part:
                lo, hi = part.split("-")
                prefix, a, b = lo[:2], int(lo[2:]), int(hi[2:])
                listed += [f"{prefix}{n:02d}" for n in range(a, b + 1)]
            elif part:
                listed.append(part)
    assert sorted(listed) == sorted(ruleset().rules), "README's rule table and the rules differ"
