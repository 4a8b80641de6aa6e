"""Time per rule: run every rule (or --select ones) over the WMT dev corpus in-process.

    python bench/rule_cost.py [--select PREFIX] [--repeat 2] [--top 30]

Documents are built and their structure (sentences, words, lists) computed before the
clock starts for the rules; the first rule of a pack also pays for the pack's shared scan.
Use it to find the rule that makes a run slow; bench/speed.py measures whole runs.
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("RELEASE_QA_SHARED",
                                                      os.path.join(HERE, "..", "..", "shared")))
    ap.add_argument("--select", action="append")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the corpus (best is kept)")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    from qa.document import document_from_text
    from qa.rules.context import RuleOptions
    from qa.ruleset import build_ruleset
    t = time.perf_counter()
    rs = build_ruleset()
    build = time.perf_counter() - t
    rules = rs.select(args.select)
    files = sorted(glob.glob(os.path.join(args.shared, "data", "wmt23-zhen-dev", "docs", "*.txt")))
    texts = [open(f, encoding="utf-8").read() for f in files]
    best: dict[str, float] = {}
    structure = float("inf")
    for _ in range(args.repeat):
        cost = collections.Counter()
        t_struct = 0.0
        for text in texts:
            t = time.perf_counter()
            doc = document_from_text(text)
            _ = (doc.sentences, doc.words, doc.enumerations, doc.word_count)   # build the structures
            t_struct += time.perf_counter() - t
            for rule in rules:
                opts = RuleOptions(rule.meta.default_options(), rs.glossary)
                t = time.perf_counter()
                list(rule.check(doc, opts))
                cost[rule.code] += time.perf_counter() - t
        structure = min(structure, t_struct)
        for code, c in cost.items():
            best[code] = min(best.get(code, c), c)
    words = sum(len(t.split()) for t in texts)
    total = sum(best.values())
    print(f"{len(texts)} documents, {words} words; rule set built in {build * 1000:.0f} ms; "
          f"document structure {structure * 1000:.0f} ms; rules {total * 1000:.0f} ms "
          f"({words / max(total + structure, 1e-9):,.0f} words/s for structure + rules)")
    for code, c in sorted(best.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"  {code:<6} {c * 1000:8.1f} ms  {100 * c / max(total, 1e-9):5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
