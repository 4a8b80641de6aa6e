"""The README's bilingual sample stays true: it is on the first screen, before the rule list,
and every block it shows is in what the checker prints for seeds/001_lanhai_battery.txt
(checked against the Chinese original beside it); the sample's known defects (its gold file)
name text that is in the two files."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import ROOT

with open(f"{ROOT}/README.md", encoding="utf-8") as fh:
    README = fh.read()

SAMPLE = "seeds/001_lanhai_battery.txt"
COMMAND = f"$ release-qa check {SAMPLE}"


def excerpt() -> str:
    head = README.split("## What it finds", 1)[0]            # the first screen
    assert COMMAND in head
    block = head.split(COMMAND, 1)[1].split("```", 1)[0]
    return block


def test_the_bilingual_excerpt_is_what_the_checker_prints():
    proc = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", "--color", "never", SAMPLE],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stderr == "", proc.stderr
    shown = [part.strip("\n") for part in excerpt().split("\n...\n") if part.strip("\n ")]
    assert shown and any("= source: seeds/001_lanhai_battery.zh.txt:" in part for part in shown)
    for part in shown:
        for block in part.split("\n\n"):
            assert block in proc.stdout, block[:160]


def test_the_sample_s_gold_names_text_of_both_files():
    with open(f"{ROOT}/seeds/001_lanhai_battery.gold.json", encoding="utf-8") as fh:
        gold = json.load(fh)
    spec = gold["001_lanhai_battery.txt"]
    with open(f"{ROOT}/{SAMPLE}", encoding="utf-8") as fh:
        english = fh.read()
    with open(f"{ROOT}/seeds/{spec['source_file']}", encoding="utf-8") as fh:
        chinese = fh.read()
    assert len(spec["expect"]) >= 3
    for item in spec["expect"]:
        for span in item["spans"]:
            assert span in english.splitlines()[item["line"] - 1], span
        for span in item["source"]:
            assert span in chinese.splitlines()[item["source_line"] - 1], span
