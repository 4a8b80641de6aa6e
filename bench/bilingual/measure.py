"""Measure the accuracy rules (AC, bilingual mode) on the WMT23 zh-en dev pairs and on the bilingual
releases written for this project.

    python bench/bilingual/measure.py [--shared ../shared] [--layouts lines,given,...] [--show]
                                      [--findings OUT.jsonl] [--seed 7]

WMT: every file of ../shared/data/wmt23-zhen-dev is paired with its Chinese (each segment's
`source`), laid out as `pairs.py` writes them ("lines": one segment per line, blank lines between
paragraphs) and in further layouts made with bench/bilingual/alignment.py's perturbations, so the
rules meet texts whose lines are not aligned:

  lines       one segment per line on both sides (the data's own layout)
  given       as lines, and the segment pairs given to the Document (as an XLIFF file gives them)
  paragraphs  each paragraph on one line (segments joined), both sides
  merge-par   paragraphs, with two or three adjacent paragraphs merged on one side
  split-par   paragraphs, with one paragraph split in two on one side
  join-split  paragraphs, two English sentences joined, one Chinese sentence cut at a comma
  move-head   paragraphs, the headline moved below the second paragraph on one side
  furniture   paragraphs, one to three lines of page furniture added to one side
  drop-par    paragraphs, one paragraph dropped from one side: from the English, a real omission,
              whose source segments (of 12 Chinese characters or more) AC03/AC04 should find
  drop-sent   paragraphs, one English segment dropped from a paragraph of two or more: the
              omission of a sentence, as MT makes it

A finding belongs to the segments its source span overlaps (its English span when it has no
source span). Per layout: findings per rule; recall on the hand-labelled numeric mismatches
(bench/bilingual/numeric_mismatches.jsonl: a label counts as found when a finding belongs to its
segment); the share of rater-clean segments (no rater marked anything) with a finding (target
<= 1%); the share of flagged segments carrying a rater's Accuracy/* mark (target >= 90%);
findings on added furniture; and the Terminology/Inconsistent marks an AC finding overlaps.

Releases: every NAME.txt of bench/releases/bilingual/dev with NAME.zh.txt and NAME.gold.json:
gold items found (a finding overlapping an occurrence of one of its `spans` in the English, or
of its `zh_spans` in the source), neutral spans overlapped (the English span of a finding that
names an English figure; for omissions, which mark the English sentence that lacks something,
their source span against the `zh` of `neutral_pairs`), and the other findings. An
`untranslated` item also counts as found by UT01, which speaks for Chinese left in the English
(AC08 defers to it).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)

import alignment as perturbations  # noqa: E402
from pairs import default_data_dir, read_gold  # noqa: E402

from qa._speed.records import replace  # noqa: E402
from qa.document import document_from_text  # noqa: E402
from qa.engine import RunConfig, lint_document  # noqa: E402
from qa.ruleset import build_ruleset  # noqa: E402

LAYOUTS = ["lines", "given", "paragraphs", "merge-par", "split-par", "join-split", "move-head",
           "furniture", "drop-par", "drop-sent"]
OMISSIONS = ("AC03", "AC04")
RELEASES = os.path.join(ROOT, "bench", "releases", "bilingual", "dev")


def _rules(select=("AC",)):
    rs = build_ruleset((), ())
    return rs.select(list(select)), RunConfig(glossary=rs.glossary)


def lint_pair(en_text: str, zh_text: str, name: str, rules, config, pairs=None):
    """The findings of `rules` on an English text checked against its Chinese source."""
    doc = document_from_text(en_text, path=name)
    source = document_from_text(zh_text, path=name.replace(".txt", ".zh.txt"))
    doc = replace(doc, source_doc=source, pairs=pairs)
    outcome = lint_document(doc, rules, config)
    if outcome.errors:
        print(f"{name}: {outcome.errors}", file=sys.stderr)
    return [f for f in outcome.findings if not f.suppressed]


def _overlaps(pieces, start: int, end: int) -> set:
    end = max(end, start + 1)
    return {i for ps, pe, ids in pieces if ps < end and start < pe for i in ids}


def _sides(layout: str, zh, en, rng):
    zh = [[(set(ids), t) for ids, t in para] for para in zh]
    en = [[(set(ids), t) for ids, t in para] for para in en]
    if layout == "drop-sent":
        candidates = [k for k, para in enumerate(en) if len(para) >= 2]
        if candidates:
            para = en[rng.choice(candidates)]
            del para[rng.randrange(len(para))]
    elif layout not in ("lines", "given", "paragraphs"):
        perturbations.perturb(layout, zh, en, rng)
    per_line = layout in ("lines", "given")
    zh_text, zh_pieces = perturbations.render(zh, False, per_line)
    en_text, en_pieces = perturbations.render(en, True, per_line)
    return zh_text, zh_pieces, en_text, en_pieces


def _given(zh_pieces, en_pieces):
    zh_by = {next(iter(ids)): (s, e) for s, e, ids in zh_pieces if len(ids) == 1}
    return tuple(((s, e), zh_by.get(next(iter(ids)))) for s, e, ids in en_pieces if len(ids) == 1)


def _wmt_truth(data: str):
    gold = {g["file"]: g for g in read_gold(data)}
    labels = [json.loads(x) for x in open(os.path.join(HERE, "numeric_mismatches.jsonl"), encoding="utf-8")
              if x.strip()]
    wanted = {(r["file"], r["segment"]) for r in labels}
    accuracy, clean, inconsistent = set(), set(), {}
    for name, g in gold.items():
        for seg in g["segments"]:
            if seg["clean"]:
                clean.add((name, seg["index"]))
        for err in g["errors"]:
            key = (name, err["segment"])
            if err["category"].startswith("Accuracy/"):
                accuracy.add(key)
            if err["category"] == "Terminology/Inconsistent" and err["start"] is not None:
                inconsistent.setdefault(name, []).append((err["start"], err["end"]))
    return gold, wanted, accuracy, clean, inconsistent


def wmt(data: str, layouts: list[str], seed: int, show: bool, dump) -> dict:
    gold, wanted, accuracy, clean, inconsistent = _wmt_truth(data)
    rules, config = _rules()
    pairs = perturbations.load(os.path.dirname(os.path.dirname(data)))
    results = {}
    for layout in layouts:
        per_rule, flagged, furniture, ti_hit = Counter(), set(), 0, set()
        rule_segments: dict[str, set] = {}
        dropped, dropped_found = 0, 0
        for name, zh0, en0 in pairs:
            rng = random.Random(f"{seed}:{layout}:{name}")
            zh_text, zh_pieces, en_text, en_pieces = _sides(layout, zh0, en0, rng)
            given = _given(zh_pieces, en_pieces) if layout == "given" else None
            en_ids = {k for _, _, ids in en_pieces for k in ids}
            zh_ids = {k for _, _, ids in zh_pieces for k in ids}
            extra = en_ids - zh_ids             # English whose source the layout dropped
            lost = {k for s, e, ids in zh_pieces for k in ids if k not in en_ids and _han(zh_text[s:e]) >= 12}
            dropped += len(lost)
            found_here = set()
            for f in lint_pair(en_text, zh_text, name, rules, config, given):
                per_rule[f.rule] += 1
                segs = (_overlaps(zh_pieces, f.source.offset, f.source.end_offset) if f.source
                        else _overlaps(en_pieces, f.offset, f.end_offset))
                if not segs:
                    furniture += 1
                for k in segs:
                    if k in lost:
                        found_here.add(k)
                        continue                # a real omission made by the layout
                    if k in extra:
                        continue                # a real addition made by the layout
                    flagged.add((name, k))
                    rule_segments.setdefault(f.rule, set()).add((name, k))
                if layout in ("lines", "given"):
                    for s, e in inconsistent.get(name, ()):
                        if f.offset < e and s < f.end_offset:
                            ti_hit.add((name, s, e))
                if show and layout == layouts[0]:
                    _show(name, f, gold[name], segs, accuracy)
                if dump is not None and layout == layouts[0]:
                    dump.write(json.dumps({"file": name, "rule": f.rule, "segments": sorted(segs),
                                           "text": f.text, "message": f.message,
                                           "source": f.source.text if f.source else None},
                                          ensure_ascii=False) + "\n")
            dropped_found += len(found_here)
        found = len(wanted & flagged)
        results[layout] = {
            "findings": dict(sorted(per_rule.items())),
            "recall": [found, len(wanted)],
            "clean_flagged": [len(flagged & clean), len(clean)],
            "accuracy_marked": [len(flagged & accuracy), len(flagged)],
            "furniture_findings": furniture,
            "terminology_inconsistent": [len(ti_hit), sum(len(v) for v in inconsistent.values())],
            "dropped_found": [dropped_found, dropped],
            "per_rule": {code: {"segments": len(segs), "accuracy_marked": len(segs & accuracy),
                                "clean": len(segs & clean)} for code, segs in sorted(rule_segments.items())},
        }
    return results


def _han(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _show(name, f, g, segs, accuracy):
    marks = "ACC" if any((name, k) in accuracy for k in segs) else "---"
    src = f" <- {f.source.text!r}" if f.source else ""
    print(f"  [{marks}] {f.rule} {name.split('__')[-1]}:{f.line} {f.text[:70]!r}{src}: {f.message[:160]}")


def _occurrences(text: str, needle: str):
    start = text.find(needle)
    while needle and start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)


def _hits(spans, text, s, e) -> bool:
    return any(a < max(e, s + 1) and s < b for needle in spans for a, b in _occurrences(text, needle))


def releases(folder: str, show: bool) -> dict:
    rules, config = _rules(("AC", "UT01"))
    totals = Counter()
    for gold_name in sorted(n for n in os.listdir(folder) if n.endswith(".gold.json")):
        with open(os.path.join(folder, gold_name), encoding="utf-8") as fh:
            (en_name, g), = json.load(fh).items()
        en_text = open(os.path.join(folder, en_name), encoding="utf-8").read()
        zh_text = open(os.path.join(folder, g["source"]), encoding="utf-8").read()
        findings = lint_pair(en_text, zh_text, en_name, rules, config)
        used = set()
        for item in g["expect"]:
            hit = [f for f in findings if (f.rule != "UT01" or item["kind"] == "untranslated")
                   and (_hits(item.get("spans", ()), en_text, f.offset, f.end_offset)
                        or f.source and _hits(item.get("zh_spans", ()), zh_text, f.source.offset,
                                               f.source.end_offset))]
            used |= {id(f) for f in hit}
            totals["expected"] += 1
            totals["found"] += bool(hit)
            if show:
                print(f"  {'FOUND ' if hit else 'MISSED'} {en_name} {item['kind']}: {item['note']}")
        neutral_zh = [p["zh"] for p in g.get("neutral_pairs", ())]
        for f in findings:
            if f.rule == "UT01" or id(f) in used:
                continue
            if f.rule in OMISSIONS:
                bad = bool(f.source) and _hits(neutral_zh, zh_text, f.source.offset, f.source.end_offset)
            else:
                bad = _hits(g.get("neutral", ()), en_text, f.offset, f.end_offset)
            totals["neutral_overlapped" if bad else "other_findings"] += 1
            totals["clean_file_findings"] += en_name.endswith("_clean.txt")
            if show:
                print(f"  {'NEUTRAL' if bad else 'OTHER  '} {en_name}:{f.line} {f.rule} {f.text[:60]!r}: "
                      f"{f.message[:140]}")
    return dict(totals)


def _ratio(pair) -> str:
    a, b = pair
    return f"{a}/{b} = {a / b:.1%}" if b else f"{a}/0"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", action="store_true", help="print every finding (first layout)")
    ap.add_argument("--findings", help="write the first layout's WMT findings as JSONL")
    ap.add_argument("--json", help="write the figures as JSON")
    args = ap.parse_args(argv)
    data = os.path.join(args.shared, "data", "wmt23-zhen-dev") if args.shared else default_data_dir()
    dump = open(args.findings, "w", encoding="utf-8") if args.findings else None
    out = {"wmt": wmt(data, args.layouts.split(","), args.seed, args.show, dump),
           "releases": releases(RELEASES, args.show)}
    if dump:
        dump.close()
    print(f"{'layout':<11} {'recall (labels)':>18} {'clean flagged':>16} {'Accuracy-marked':>18} "
          f"{'furn':>4} {'T/I':>6} {'dropped':>9}  findings per rule")
    for layout, r in out["wmt"].items():
        ti = r["terminology_inconsistent"]
        print(f"{layout:<11} {_ratio(r['recall']):>18} {_ratio(r['clean_flagged']):>16} "
              f"{_ratio(r['accuracy_marked']):>18} {r['furniture_findings']:>4} {ti[0]:>2}/{ti[1]:<3} "
              f"{r['dropped_found'][0]:>4}/{r['dropped_found'][1]:<4} "
              + " ".join(f"{k}:{v}" for k, v in r["findings"].items()))
    first = next(iter(out["wmt"].values()))
    print(f"per rule ({next(iter(out['wmt']))}): segments flagged, with an Accuracy/* mark, rater-clean")
    for code, r in first["per_rule"].items():
        print(f"  {code}: {r['segments']} segments, {r['accuracy_marked']} Accuracy-marked, {r['clean']} clean")
    print("bilingual releases (bench/releases/bilingual/dev):", out["releases"])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
