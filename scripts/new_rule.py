"""Scaffold a new rule: its declaration and its case file, ready to fill in.

    python scripts/new_rule.py pack TR10 wordy-opening --pack translationese
    python scripts/new_rule.py code GB09 broken-range --family garbled

`pack` appends a [[rule]] table (kind existence; change it) to qa/packs/builtin/<pack>.toml;
`code` appends a `CODE = Rule(RuleMeta(...), check)` declaration and its check function to
qa/checks/<family>/rules.py. Both write tests/cases/<CODE>.toml with one case that must be
flagged and one that must not. Then: fill in the TODOs, run
`python -m pytest tests/test_rule_cases.py -k CODE`, measure with
`python bench/accuracy.py --write-measured`, and read CONTRIBUTING.md ("Adding a rule").
"""
from __future__ import annotations

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATEGORY_OF_PACK = {"boilerplate": "boilerplate", "translationese": "translationese",
                    "terminology": "terminology", "chinese": "untranslated", "names": "name-consistency"}

CASE = '''# Cases of {code} ({name}). Run by tests/test_rule_cases.py; format in tests/rule_cases.py.
# `python scripts/rule_cases.py {code} FILE` prints what the rule finds in FILE in this shape.
rule = "{code}"

[[case]]
name = "flagged"
text = "TODO: a sentence with the defect.\\n"
[[case.finding]]
line = 1
column = 1
end_line = 1
end_column = 5
text = "TODO"

[[case]]
name = "left alone"
text = "TODO: a look-alike that is correct English.\\n"
'''

PACK_RULE = '''
[[rule]]
code = "{code}"
name = "{name}"
kind = "existence"
category = "{category}"
severity = "info"     # warnings need >= 90% measured precision (bench/accuracy.py)
summary = "TODO: one line"
message = "'{{match}}' {{note}}: write '{{suggestion}}'"
what = """TODO: what it finds."""
why = """TODO: why it matters."""
instead = """TODO: what to write instead."""
phrases = [{{phrase = "TODO", suggestion = "TODO", note = "TODO"}}]
examples = [
  {{bad = "TODO\\n", flags = ["TODO"], good = "TODO\\n"}},
]
'''

CODE_RULE = '''

# ---- {code} {name} {bar}
def check_{func}(doc: Document, opts: RuleOptions):
    """TODO: yield a Hit(start, end, message, suggestion) per defect, offsets into doc.text."""
    return iter(())


{const} = Rule(RuleMeta(
    code="{code}", name="{name}", category="{category}", severity="info",
    summary="TODO: one line",
    doc=RuleDoc(
        what="TODO: what it finds.",
        why="TODO: why it matters.",
        instead="TODO: what to write instead.",
        examples=(Example(bad="TODO\\n", flags=("TODO",), good="TODO\\n"),),
        precision="TODO: measured by bench/accuracy.py")),
    check_{func})
'''


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("where", choices=("pack", "code"))
    ap.add_argument("code")
    ap.add_argument("name")
    ap.add_argument("--pack", help="built-in pack file name without .toml")
    ap.add_argument("--family", help="code-rule family folder under qa/checks")
    ap.add_argument("--category", help="one of the categories in qa/categories.py")
    args = ap.parse_args()
    code, name = args.code.upper(), args.name
    if not re.fullmatch(r"[A-Z]{2,4}[0-9]{2,3}", code) \
            or not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        raise SystemExit("CODE is capitals and two or three digits; NAME is kebab-case")
    case_path = os.path.join(ROOT, "tests", "cases", f"{code}.toml")
    if os.path.exists(case_path):
        raise SystemExit(f"{case_path} exists")
    if args.where == "pack":
        if not args.pack:
            raise SystemExit("--pack NAME is needed")
        path = os.path.join(ROOT, "qa", "packs", "builtin", f"{args.pack}.toml")
        category = args.category or CATEGORY_OF_PACK.get(args.pack, args.pack)
        block = PACK_RULE.format(code=code, name=name, category=category)
    else:
        if not args.family:
            raise SystemExit("--family NAME is needed")
        path = os.path.join(ROOT, "qa", "checks", args.family, "rules.py")
        if not os.path.exists(path):
            raise SystemExit(f"{path} does not exist: a new family needs its folder, an __init__.py "
                             "exporting RULES, an entry in qa.checks.FAMILIES and in the "
                             "independence contract of pyproject.toml")
        category = args.category or args.family
        block = CODE_RULE.format(code=code, name=name, category=category, func=name.replace("-", "_"),
                                 const=name.replace("-", "_").upper(), bar="-" * max(3, 80 - len(name)))
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if f'"{code}"' in text:
        raise SystemExit(f"{code} is already in {path}")
    if args.where == "code":
        marker = "\nRULES = collect_rules(globals())"
        if marker not in text:
            raise SystemExit(f"{path} does not end with RULES = collect_rules(globals())")
        text = text.replace(marker, block + marker)
        for needed, line in (("Document", "from ...document.model import Document"),
                             ("RuleOptions", "from ...rules.context import RuleOptions")):
            if not re.search(rf"import .*\b{needed}\b", text):
                text = text.replace("from __future__ import annotations\n",
                                    f"from __future__ import annotations\n\n{line}\n", 1)
    else:
        text = text.rstrip("\n") + "\n" + block
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    with open(case_path, "w", encoding="utf-8") as fh:
        fh.write(CASE.format(code=code, name=name))
    print(f"added {code} to {os.path.relpath(path, ROOT)}; wrote {os.path.relpath(case_path, ROOT)}")
    print("next: fill in the TODOs, then `python -m pytest tests/test_rule_cases.py -k "
          f"{code}` and see CONTRIBUTING.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
