"""Write (or check) the findings snapshot: every finding of every rule over the seeds, the test
releases and, when ../shared is present, the WMT dev documents, one line per finding.

    python scripts/snapshot_findings.py            # compare with tests/snapshots/findings.txt
    python scripts/snapshot_findings.py --update   # rewrite it (after a deliberate change)

A refactoring must leave the snapshot unchanged; a change to detection updates it in the same
commit, so the diff of the snapshot shows exactly which findings the change moved.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SNAPSHOT = os.path.join(ROOT, "tests", "snapshots", "findings.txt")


def shared_dir() -> str | None:
    path = os.environ.get("RELEASE_QA_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
    return path if os.path.isdir(path) else None


def inputs() -> list[str]:
    paths = [os.path.join(ROOT, "seeds"), os.path.join(ROOT, "tests", "fixtures", "releases")]
    shared = shared_dir()
    if shared:
        paths.append(os.path.join(shared, "data", "wmt23-zhen-dev", "docs"))
    return paths


def current_lines() -> list[str]:
    """One line per finding: path (relative to its input folder), rule, span, severity, message,
    suggestion."""
    sys.path.insert(0, ROOT)
    from qa.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--isolated", "--jobs", "1", "--select", "ALL", "--format", "json", *inputs()])
    report = json.loads(out.getvalue())
    lines = []
    for f in report["files"]:
        rel = f["path"]
        for base in inputs():
            if rel.startswith(base):
                rel = os.path.basename(base) + rel[len(base):]
        for x in f["findings"]:
            lines.append(json.dumps([rel, x["rule"], x["offset"], x["end_offset"], x["severity"],
                                     x["message"], x["suggestion"]], ensure_ascii=False))
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="rewrite the snapshot")
    args = ap.parse_args()
    lines = current_lines()
    if args.update:
        os.makedirs(os.path.dirname(SNAPSHOT), exist_ok=True)
        with open(SNAPSHOT, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        print(f"{len(lines)} findings written to {SNAPSHOT}")
        return 0
    with open(SNAPSHOT, encoding="utf-8") as fh:
        want = fh.read().splitlines()
    if not shared_dir():
        want = [w for w in want if not w.startswith('["docs/')]
    if lines == want:
        print(f"snapshot unchanged ({len(lines)} findings)")
        return 0
    import difflib
    sys.stdout.writelines(difflib.unified_diff([w + "\n" for w in want], [x + "\n" for x in lines],
                                               "snapshot", "now", n=0))
    return 1


if __name__ == "__main__":
    sys.exit(main())
