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
