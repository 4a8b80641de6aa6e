"""Accuracy harness: precision and false alarms on real MT output, recall on the seed gold.

    python bench/accuracy.py [--shared ../shared] [--select ...] [--json out.json] [--rule CODE]

1. Runs release-qa over ../shared/data/wmt23-zhen-dev/docs (10 MT systems' English output of
   Chinese news, every error marked by professional raters) and scores the findings with
   ../shared/tools/mqm/score.py (imported, not copied): per rule and overall, findings,
   precision, base rate, lift, findings per 1,000 words and the share of error-free segments
   flagged; also for the warnings (and errors) in the categories the raters annotate.
2. Scores every seeds/*.gold.json: which known defects are found (plain and hard items apart);
   a bilingual sample (its gold names the Chinese original) is checked against that original,
   and its omissions are found through the findings' source spans.
"""
from __future__ import annotations

import argparse
import bisect
import glob
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

RATED = {"duplication", "name-consistency", "untranslated", "punctuation", "encoding",
         "boilerplate", "garbled", "person-name", "terminology"}


def shared_dir(arg: str | None) -> str:
    path = arg or os.environ.get("RELEASE_QA_SHARED") or os.path.join(ROOT, "..", "shared")
    if not os.path.isdir(path):
        raise SystemExit(f"shared folder not found: {path} (pass --shared)")
    return os.path.abspath(path)


def load_scorer(shared: str):
    path = os.path.join(shared, "tools", "mqm", "score.py")
    spec = importlib.util.spec_from_file_location("mqm_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_checker(paths, select=None, ignore=(), source=None):
    from qa.runner import Overrides, Runner
    runner = Runner(Overrides(select=tuple(select) if select else None, ignore=tuple(ignore),
                              min_severity="info", source=source), isolated=True)
    return runner.run(paths, jobs=os.cpu_count() or 1)


def wmt_findings(report, data_dir: str) -> list[dict]:
    out = []
    for fr in report.files:
        name = "docs/" + os.path.basename(fr.path)
        for f in fr.active:
            out.append({"file": name, "start": f.offset, "end": f.end_offset, "line": f.line,
                        "column": f.column, "rule": f.rule, "category": f.category,
                        "severity": f.severity, "message": f.message, "text": f.text})
    return out


def score_subset(scorer, gold, findings, name):
    res = scorer.score(gold, iter(findings), name)
    return res


def wmt(shared: str, args) -> dict:
    data = os.path.join(shared, "data", "wmt23-zhen-dev")
    scorer = load_scorer(shared)
    gold_path = os.path.join(data, "gold.jsonl")
    gold = scorer.load_gold(gold_path)
    for g in gold.values():
        with open(os.path.join(g["root"], g["file"]), encoding="utf-8") as fh:
            g["text_newlines"] = fh.read().count("\n")
    paths = sorted(glob.glob(os.path.join(data, "docs", "*.txt")))
    report = run_checker(paths, args.select, args.ignore)
    findings = wmt_findings(report, data)
    if args.findings:
        with open(args.findings, "w", encoding="utf-8") as fh:
            for f in findings:
                fh.write(json.dumps(f, ensure_ascii=False) + "\n")
    results = {"all": score_subset(scorer, gold, findings, "all findings")}
    rated = [f for f in findings if f["category"] in RATED and f["severity"] != "info"]
    results["rated-warnings"] = score_subset(scorer, gold, rated, "warnings+ in rated categories")
    per_rule = {}
    for code in sorted({f["rule"] for f in findings}):
        subset = [f for f in findings if f["rule"] == code]
        r = score_subset(scorer, gold, subset, code)
        r["severity"] = subset[0]["severity"]
        r["category"] = subset[0]["category"]
        per_rule[code] = r
    results["per_rule"] = per_rule
    results["words"] = sum(g["n_words"] for g in gold.values())
    return results


def pct(x):
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def print_wmt(res: dict) -> None:
    print(f"WMT23 zh-en dev: {res['words']} words, {res['all']['files']} files")
    print(f"{'subset':<34}{'n':>6}{'prec':>8}{'base':>8}{'lift':>7}{'/1kw':>7}{'clean FA':>10}")
    rows = [("all findings", res["all"]), ("warnings+, rated categories", res["rated-warnings"])]
    rows += [(f"{c} [{r['severity'][:4]}] {r['category']}", r) for c, r in res["per_rule"].items()]
    for name, r in rows:
        lift = "-" if r["lift"] is None else f"{r['lift']:.2f}"
        per_k = r["findings_per_1k_words"] or 0.0
        print(f"{name[:34]:<34}{r['findings']:>6}{pct(r['precision']):>8}{pct(r['base_rate']):>8}"
              f"{lift:>7}{per_k:>7.2f}{pct(r['clean_false_alarm_rate']):>10}")
    rec = res["all"]["recall"].get("Terminology/Inconsistent", {})
    if rec:
        print(f"Terminology/Inconsistent annotations hit: {rec['hit']}/{rec['errors']}")


# ---- seed gold --------------------------------------------------------------------------
def occurrences(text: str, span: str, line: int | None, line_starts):
    out = []
    k = text.find(span)
    while k >= 0:
        ln = bisect.bisect_right(line_starts, k)
        if line is None or ln == line:
            out.append((k, k + len(span)))
        k = text.find(span, k + 1)
    return out


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


def _source_of(spec: dict) -> str | None:
    """The Chinese original named by a gold entry: `source_file` (seeds) or `source`
    (bench/releases), or None for an English-only release."""
    name = spec.get("source_file", spec.get("source"))
    return name if isinstance(name, str) else None


def _zh_spans(item: dict) -> list[str]:
    """An item's spans in the Chinese original: `zh_spans` (bench/releases) or a list under
    `source` (seeds)."""
    spans = item.get("zh_spans", item.get("source", []))
    return [spans] if isinstance(spans, str) else list(spans)


def _overlaps(spans, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def seeds(root: str, args) -> dict:
    """Each seeds/*.gold.json item found or missed. An item is found when a finding of one of
    its categories overlaps an occurrence of one of its English `spans` (on `line`); an item
    with no English span (an omission in a bilingual sample) when a finding's source span
    overlaps an occurrence of one of its Chinese spans in the original (on `source_line`)."""
    results = {}
    for gold_path in sorted(glob.glob(os.path.join(root, "seeds", "*.gold.json"))):
        with open(gold_path, encoding="utf-8") as fh:
            gold = json.load(fh)
        for name, spec in gold.items():
            if name.startswith("_"):
                continue
            path = os.path.join(os.path.dirname(gold_path), name)
            source = _source_of(spec)
            source_path = os.path.join(os.path.dirname(gold_path), source) if source else None
            report = run_checker([path], args.select, args.ignore, source=source_path)
            fr = report.files[0]
            text = fr.source
            starts = _line_starts(text)
            zh_text = ""
            if source_path:
                with open(source_path, encoding="utf-8") as fh:
                    zh_text = fh.read()
            zh_starts = _line_starts(zh_text)
            items = []
            for item in spec["expect"]:
                spans, zh = item.get("spans", []), _zh_spans(item)
                occ = [o for x in spans for o in occurrences(text, x, item.get("line"), starts)]
                zh_occ = [] if spans else [
                    o for x in zh for o in occurrences(zh_text, x, item.get("source_line"), zh_starts)]
                hit = [f for f in fr.active if f.category in item["cats"] and (
                    _overlaps(occ, f.offset, f.end_offset)
                    or f.source is not None and _overlaps(zh_occ, f.source.offset, f.source.end_offset))]
                items.append({"spans": spans, "zh_spans": zh, "cats": item["cats"],
                              "hard": item.get("hard", False), "found": bool(hit),
                              "by": sorted({f.rule for f in hit}),
                              "missing_span": not (occ or zh_occ)})
            neutral_hits = [(n, f.rule) for n in spec.get("neutral", []) for f in fr.active
                            if f.text == n]
            results[name] = {"items": items, "neutral_flagged": neutral_hits,
                             "findings": len(fr.active), "source": source}
    return results


def print_seeds(res: dict) -> None:
    for name, r in res.items():
        plain = [i for i in r["items"] if not i["hard"]]
        hard = [i for i in r["items"] if i["hard"]]
        against = f" (against {r['source']})" if r.get("source") else ""
        print(f"seed {name}{against}: plain {sum(i['found'] for i in plain)}/{len(plain)}, "
              f"hard {sum(i['found'] for i in hard)}/{len(hard)}, {r['findings']} findings")
        for i in r["items"]:
            mark = "found" if i["found"] else "MISSED"
            shown = repr(i["spans"][0][:60]) if i["spans"] else \
                f"{i['zh_spans'][0][:30]!r} (source)" if i["zh_spans"] else "(no span)"
            gone = " [span not in the text]" if i["missing_span"] else ""
            print(f"  {mark:<6} {'hard ' if i['hard'] else '     '}{'/'.join(i['cats']):<28} "
                  f"{shown} {' '.join(i['by'])}{gone}")
        if r["neutral_flagged"]:
            print(f"  neutral phrases flagged: {r['neutral_flagged']}")


# ---- clean releases and the measured-figures file -------------------------------------------
def clean_releases(args) -> dict:
    """Findings per rule on the professionally written releases in tests/fixtures/releases
    (files named *clean*): every one is a false alarm."""
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "releases", "*clean*")))
    report = run_checker(paths, args.select, args.ignore)
    per_rule: dict[str, int] = {}
    for fr in report.files:
        for f in fr.active:
            per_rule[f.rule] = per_rule.get(f.rule, 0) + 1
    words = sum(fr.words for fr in report.files)
    return {"files": len(paths), "words": words, "per_rule": per_rule,
            "names": [os.path.basename(p) for p in paths]}


def print_clean(res: dict) -> None:
    total = sum(res["per_rule"].values())
    print(f"clean releases: {res['files']} files, {res['words']} words, {total} findings"
          + (f" ({', '.join(f'{k} {v}' for k, v in sorted(res['per_rule'].items()))})" if total else ""))


MEASURED_DIR = os.path.join(ROOT, "qa", "rules", "measured")


def write_measured(out: dict, codes: list[str]) -> None:
    """qa/rules/measured/<CODE>.json for each of `codes` (every rule when empty), and, on a
    write of every rule, _overall.json: one file per rule, so that people adding rules side by
    side each write only their own rules' figures."""
    from qa.ruleset import build_ruleset
    rules = build_ruleset().rules
    unknown = [c for c in codes if c not in rules]
    if unknown:
        raise SystemExit(f"--write-measured: no rule {unknown[0]}")
    per_rule = out["wmt"]["per_rule"]
    os.makedirs(MEASURED_DIR, exist_ok=True)
    for code in codes or sorted(rules):
        r = per_rule.get(code)
        entry = {"wmt_findings": r["findings"] if r else 0,
                 "clean_findings": out["clean"]["per_rule"].get(code, 0)}
        if r:
            entry.update({"wmt_precision": round(r["precision"], 3),
                          "wmt_base_rate": round(r["base_rate"], 3),
                          "wmt_lift": round(r["lift"], 2) if r["lift"] is not None else None,
                          "wmt_per_1k_words": round(r["findings_per_1k_words"], 2),
                          "wmt_clean_segments_flagged": round(r["clean_false_alarm_rate"], 3)})
        _dump(os.path.join(MEASURED_DIR, f"{code}.json"), entry)
    if codes:
        print(f"wrote the figures of {', '.join(codes)} in {os.path.relpath(MEASURED_DIR, ROOT)}")
        return
    rated = out["wmt"]["rated-warnings"]
    allf = out["wmt"]["all"]
    overall = {
        "_about": "Written by `python bench/accuracy.py --write-measured`; do not edit. "
                  "WMT: the WMT23 zh-en MQM development data (" + str(out["wmt"]["words"]) +
                  " words of MT output, 190 files); clean: the professionally written "
                  "releases tests/fixtures/releases/*clean* (" + str(out["clean"]["words"]) +
                  " words).",
        "rated_warnings": {"findings": rated["findings"], "precision": round(rated["precision"] or 0, 3),
                           "lift": round(rated["lift"] or 0, 2),
                           "clean_segments_flagged": round(rated["clean_false_alarm_rate"], 3)},
        "all": {"findings": allf["findings"], "precision": round(allf["precision"] or 0, 3),
                "lift": round(allf["lift"] or 0, 2),
                "clean_segments_flagged": round(allf["clean_false_alarm_rate"], 3)},
        "terminology_inconsistent_hit": allf["recall"]["Terminology/Inconsistent"]["hit"],
        "terminology_inconsistent_total": allf["recall"]["Terminology/Inconsistent"]["errors"],
        "seed": {name: {"plain": [sum(i["found"] for i in r["items"] if not i["hard"]),
                                  sum(1 for i in r["items"] if not i["hard"])],
                        "hard": [sum(i["found"] for i in r["items"] if i["hard"]),
                                 sum(1 for i in r["items"] if i["hard"])]}
                 for name, r in out["seeds"].items()},
    }
    _dump(os.path.join(MEASURED_DIR, "_overall.json"), overall)
    print(f"wrote every rule's figures in {os.path.relpath(MEASURED_DIR, ROOT)}")


def _dump(path: str, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="the shared folder (default ../shared)")
    ap.add_argument("--select", action="append")
    ap.add_argument("--ignore", action="append", default=[])
    ap.add_argument("--json", help="write every figure as JSON here")
    ap.add_argument("--findings", help="write the WMT findings as JSONL here")
    ap.add_argument("--skip-wmt", action="store_true")
    ap.add_argument("--write-measured", nargs="*", metavar="CODE",
                    help="record the figures of these rules (of every rule when none is named) in "
                         "qa/rules/measured/ (shown by `release-qa explain`; the tests hold "
                         "severities to them)")
    args = ap.parse_args(argv)
    out = {}
    if not args.skip_wmt:
        out["wmt"] = wmt(shared_dir(args.shared), args)
        print_wmt(out["wmt"])
        print()
    out["seeds"] = seeds(ROOT, args)
    print_seeds(out["seeds"])
    out["clean"] = clean_releases(args)
    print_clean(out["clean"])
    if args.write_measured is not None:
        if args.select or args.ignore or args.skip_wmt:
            raise SystemExit("--write-measured needs a full run (no --select, --ignore, --skip-wmt)")
        write_measured(out, [c.upper() for c in args.write_measured])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1, ensure_ascii=False, default=str)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
