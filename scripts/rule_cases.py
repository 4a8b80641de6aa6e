"""Show what a rule finds on a text, in the shape of a case file (tests/cases/<CODE>.toml).

    python scripts/rule_cases.py CODE FILE          # the [[case]] table for the text in FILE
    python scripts/rule_cases.py CODE --examples    # the case file made of the rule's doc examples
    python scripts/rule_cases.py CODE --examples --write   # ... written to tests/cases/CODE.toml

The output records what the rule does today: read every finding before pasting it in; a case
file states what the rule must do.
"""
from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from qa.fixes import apply_fixes  # noqa: E402
from tests.helpers import lint, ruleset  # noqa: E402
from tests.rule_cases import CASES_DIR, finding_record, render_case  # noqa: E402


def case_for(code: str, name: str, text: str, fmt: str = "text") -> str:
    findings = [f for f in lint(text, [code], fmt) if not f.suppressed]
    fixes = sorted((f.fix for f in findings if f.fix is not None), key=lambda fx: fx.edits[0].offset)
    fixed = apply_fixes(text, fixes)[0] if fixes else None
    return render_case(name, text, [finding_record(f) for f in findings], fixed, fmt)


def from_examples(code: str) -> str:
    rule = ruleset().get(code)
    if rule is None:
        raise SystemExit(f"no rule {code}")
    meta = rule.meta
    parts = [f"# Cases of {meta.code} ({meta.name}): {meta.summary}\n"
             f"# Run by tests/test_rule_cases.py; format described in tests/rule_cases.py.\n"
             f'rule = "{meta.code}"\n']
    for i, ex in enumerate(meta.doc.examples, 1):
        n = f" {i}" if len(meta.doc.examples) > 1 else ""
        parts.append(case_for(meta.code, f"documented bad example{n}", ex.bad, ex.format))
        parts.append(case_for(meta.code, f"documented good example{n}", ex.good, ex.format))
    return "\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("code")
    ap.add_argument("file", nargs="?")
    ap.add_argument("--examples", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--format", default="text")
    args = ap.parse_args()
    codes = sorted(ruleset().rules) if args.code == "ALL" else [args.code.upper()]
    for code in codes:
        if args.examples:
            out = from_examples(code)
        else:
            with open(args.file, encoding="utf-8") as fh:
                out = case_for(code, os.path.basename(args.file), fh.read(), args.format)
        if args.write:
            path = os.path.join(CASES_DIR, f"{code}.toml")
            if os.path.exists(path):
                print(f"{path} exists: not overwritten", file=sys.stderr)
                continue
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(out)
            print(f"wrote {path}")
        else:
            sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
