"""Score release-qa on the release corpus (bench/releases): what an editor would fix, found or
missed, and the wrong alarms.

    python bench/releases_score.py                 # bench/releases/dev (English releases)
    python bench/releases_score.py --bilingual     # bench/releases/bilingual/dev (pairs)
    python bench/releases_score.py --heldout       # the held-out halves: the final measurement only
    python bench/releases_score.py --fresh         # bench/releases/fresh, the blind held-out set (final only)
    python bench/releases_score.py --fresh2        # bench/releases/fresh2, the second blind set (final only)
    python bench/releases_score.py --fresh3        # bench/releases/fresh3, the third blind set (final only)
    python bench/releases_score.py --fresh4        # bench/releases/fresh4, the fourth blind set (final only)
    python bench/releases_score.py --list          # also list every finding no gold item explains

A gold item is found when an active finding of one of its categories overlaps one of its spans
(on its line when one is given); in a pair, also when a finding's source span overlaps one of
its `zh_spans`. Wrong alarms are findings on a clean release or overlapping a `neutral` span.
Findings on a defective release that overlap neither a gold item nor a neutral span are listed
for reading with --list (the gold marks what the writer planted, not every slip).
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def occurrences(text: str, span: str, line: int | None) -> list[tuple[int, int]]:
    out, k = [], text.find(span)
    while k >= 0:
        if line is None or text.count("\n", 0, k) + 1 == line:
            out.append((k, k + len(span)))
        k = text.find(span, k + 1)
    return out


def overlaps(spans, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def check(paths: list[str], select=None):
    from qa.runner import Overrides, Runner
    runner = Runner(Overrides(select=tuple(select) if select else None), isolated=True)
    return runner.run(paths, jobs=1)


def score(folder: str, select=None) -> dict:
    golds = sorted(glob.glob(os.path.join(folder, "*.gold.json")))
    releases = []
    for g in golds:
        with open(g, encoding="utf-8") as fh:
            spec = json.load(fh)
        for name, item in spec.items():
            if not name.startswith("_"):
                releases.append((os.path.join(folder, name), item))
    report = check([p for p, _ in releases], select)
    by_path = {fr.path: fr for fr in report.files}
    out = {"files": 0, "items": [], "wrong": [], "unexplained": [], "clean_findings": 0,
           "clean_files": 0, "errors": []}
    for path, spec in releases:
        fr = by_path.get(path)
        if fr is None or fr.fatal:
            out["errors"].append((path, fr.errors if fr else ["not checked"]))
            continue
        out["files"] += 1
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        source_text = None
        if spec.get("source"):
            with open(os.path.join(folder, spec["source"]), encoding="utf-8") as fh:
                source_text = fh.read()
        active = [f for f in fr.findings if not f.suppressed]
        explained = set()
        for item in spec["expect"]:
            occ = [o for s in item.get("spans", []) for o in occurrences(text, s, item.get("line"))]
            zh_occ = [o for s in item.get("zh_spans", []) for o in occurrences(source_text or "", s, None)]
            hit = [f for f in active if f.category in item["cats"] and (
                overlaps(occ, f.offset, f.end_offset)
                or (f.source is not None and overlaps(zh_occ, f.source.offset, f.source.end_offset)))]
            for f in active:
                if overlaps(occ, f.offset, f.end_offset):
                    explained.add(id(f))
            out["items"].append({"file": os.path.basename(path), "class": item.get("class", item.get("kind", "")),
                                 "cats": item["cats"], "span": (item.get("spans") or item.get("zh_spans") or [""])[0],
                                 "found": bool(hit),
                                 "by": sorted({f.rule for f in hit}),
                                 "by_warning": any(f.severity != "info" for f in hit)})
        neutral = [o for n in spec.get("neutral", []) for o in occurrences(text, n, None)]
        clean = not spec["expect"]
        out["clean_files"] += clean
        for f in active:
            where = f"{os.path.basename(path)}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.text[:60]!r}"
            if clean:
                out["clean_findings"] += 1
                out["wrong"].append(where + " (clean release)")
            elif overlaps(neutral, f.offset, f.end_offset) and id(f) not in explained:
                out["wrong"].append(where + " (neutral span)")
            elif id(f) not in explained:
                out["unexplained"].append(where)
    return out


def show(res: dict, listing: bool) -> None:
    items = res["items"]
    found = sum(i["found"] for i in items)
    warn = sum(i["by_warning"] for i in items)
    print(f"{res['files']} releases ({res['clean_files']} clean): {found}/{len(items)} gold items found "
          f"({100 * found / max(1, len(items)):.0f}%), {warn} by a warning; "
          f"wrong alarms {len(res['wrong'])} ({res['clean_findings']} on clean releases); "
          f"{len(res['unexplained'])} other findings on defective releases")
    by_class = collections.defaultdict(lambda: [0, 0])
    for i in items:
        by_class[i["class"]][0] += i["found"]
        by_class[i["class"]][1] += 1
    print("by class:", ", ".join(f"{c}: {a}/{b}" for c, (a, b) in sorted(by_class.items(), key=lambda x: (len(x[0]), x[0]))))
    for i in items:
        if not i["found"]:
            print(f"  MISSED {i['file']}: class {i['class']} {'/'.join(i['cats'])} {i['span'][:70]!r}")
    for w in res["wrong"]:
        print(f"  WRONG  {w}")
    if listing:
        for u in res["unexplained"]:
            print(f"  OTHER  {u}")
    for path, errs in res["errors"]:
        print(f"  ERROR  {path}: {errs}")


# the sets written blind by helpers who read no rule, each for one final measurement
BLIND_SETS = {"fresh": "first", "fresh2": "second", "fresh3": "third", "fresh4": "fourth"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--heldout", action="store_true", help="score the held-out half (final measurement)")
    ap.add_argument("--bilingual", action="store_true", help="the Chinese-English pairs")
    for name, which in BLIND_SETS.items():
        ap.add_argument(f"--{name}", action="store_true",
                        help=f"score bench/releases/{name}, the {which} blind held-out set "
                             "(final measurement)")
    ap.add_argument("--select", action="append")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    chosen = [name for name in ("heldout", "bilingual", *BLIND_SETS) if getattr(args, name)]
    if len(chosen) > 1 and chosen != ["heldout", "bilingual"]:
        ap.error(f"--{chosen[0]} cannot be combined with --{chosen[1]}")
    half = "heldout" if args.heldout else "dev"
    folder = os.path.join(ROOT, "bench", "releases", *(["bilingual"] if args.bilingual else []), half)
    for name in BLIND_SETS:
        if getattr(args, name):
            folder = os.path.join(ROOT, "bench", "releases", name)
    res = score(folder, args.select)
    print(f"== {os.path.relpath(folder, ROOT)}")
    show(res, args.list)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
