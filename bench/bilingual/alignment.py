"""Alignment accuracy of qa.bilingual.align on WMT23 zh-en pairs whose true alignment is known.

    python bench/bilingual/alignment.py [--shared ../shared] [--seed 7] [--json OUT] [--speed]

Each file of ../shared/data/wmt23-zhen-dev (19 documents x 10 MT systems) gives a pair: the
Chinese `source` of every segment and the English segment (docs/FILE.txt[start:end]), grouped in
paragraphs by `starts_paragraph`; segment i translates segment i. The pair is laid out as a
release is (one paragraph per line, blank lines between paragraphs) and then perturbed, with a
fixed seed per (condition, file):

  none         as is (also `lines`: one segment per line, the data's own layout)
  merge-par    two or three adjacent paragraphs merged into one, on one side (random)
  split-par    a paragraph of two or more segments split in two, on one side
  join-split   two adjacent English sentences joined into one ("..., and ..."), and one Chinese
               sentence cut in two at a comma
  drop-par     one paragraph dropped from one side (an omission, or furniture the other lacks)
  furniture    one to three lines of page furniture (editor, share bar, photo caption and
               credit, source, copyright) added to one side, at the top, middle or end
  move-head    the headline moved below the second paragraph, on one side
  mixed        merge-par, join-split, furniture and drop-par together

Scores, per condition and overall: accuracy = share of English units (as the aligner segments
them) whose aligned Chinese units are exactly those sharing a segment with it (none for English
furniture and for English whose Chinese was dropped); gap precision and recall = units the
aligner leaves unaligned (1:0, 0:1) against units with no counterpart; and the accuracy of the
English units in beads of confidence >= 0.9, with their share. `--speed` also times a pair of
over 5,000 English sentences built from all the files (and its peak memory).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, ROOT)

from qa.bilingual.align import align  # noqa: E402

CONDITIONS = ["none", "lines", "merge-par", "split-par", "join-split", "drop-par", "furniture",
              "move-head", "mixed"]
NAMES = ["王晓明", "李华", "陈静", "刘洋", "赵磊"]
NAMES_EN = ["Wang Xiaoming", "Li Hua", "Chen Jing", "Liu Yang", "Zhao Lei"]
# furniture lines; the last of each list is a bare photo caption that no furniture pattern knows
ZH_FURNITURE = ["责任编辑：{n}", "分享到：微信 微博 QQ空间", "【纠错】", "（完）", "来源：本网综合",
                "图为活动现场。（{n} 摄）", "版权所有 未经授权不得转载", "参观者在展馆内观看展品。"]
EN_FURNITURE = ["Editor: {n}", "Share to: WeChat | Weibo | Twitter", "(Photo by {n})",
                "Source: compiled by this site", "Comments are closed.",
                "A photo taken on {d} shows the venue of the event.", "Copyright 2023. All rights reserved.",
                "Visitors look at exhibits in the hall."]

# A pair is two sides; a side is a list of paragraphs; a paragraph a list of pieces (ids, text):
# ids is the set of segment numbers the piece carries (empty for furniture).


def load(shared: str) -> list[tuple[str, list, list]]:
    folder = os.path.join(shared, "data", "wmt23-zhen-dev")
    pairs = []
    with open(os.path.join(folder, "gold.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            with open(os.path.join(folder, d["file"]), encoding="utf-8") as f:
                text = f.read()
            zh: list = []
            en: list = []
            for k, seg in enumerate(d["segments"]):
                if seg["starts_paragraph"] or not zh:
                    zh.append([])
                    en.append([])
                zh[-1].append(({k}, seg["source"].strip()))
                en[-1].append(({k}, text[seg["start"]:seg["end"]].strip()))
            pairs.append((d["file"], zh, en))
    return pairs


def render(side: list, english: bool, per_line: bool) -> tuple[str, list[tuple[int, int, frozenset]]]:
    """Text of one side and the (start, end, ids) of every piece."""
    out, pieces, pos = [], [], 0
    for p, para in enumerate(side):
        if p:
            out.append("\n\n")
            pos += 2
        for q, (ids, text) in enumerate(para):
            if q:
                sep = "\n" if per_line else (" " if english else "")
                out.append(sep)
                pos += len(sep)
            out.append(text)
            pieces.append((pos, pos + len(text), frozenset(ids)))
            pos += len(text)
    return "".join(out), pieces


def _merge(side: list, rng: random.Random) -> None:
    if len(side) < 3:
        return
    k = rng.randrange(1, len(side) - 1)
    size = rng.choice([2, 2, 3])
    side[k:k + size] = [[piece for para in side[k:k + size] for piece in para]]


def _split(side: list, rng: random.Random) -> None:
    candidates = [k for k, para in enumerate(side) if len(para) >= 2]
    if candidates:
        k = rng.choice(candidates)
        cut = rng.randrange(1, len(side[k]))
        side[k:k + 1] = [side[k][:cut], side[k][cut:]]


def _join_en(side: list, rng: random.Random) -> None:
    candidates = [(k, q) for k, para in enumerate(side) for q in range(len(para) - 1)]
    if candidates:
        k, q = rng.choice(candidates)
        (a, x), (b, y) = side[k][q], side[k][q + 1]
        x = x.rstrip().rstrip(".")
        y = y[:1].lower() + y[1:] if y[:2].istitle() else y
        side[k][q:q + 2] = [(a | b, f"{x}, and {y}")]


def _cut_zh(side: list, rng: random.Random) -> None:
    candidates = [(k, q) for k, para in enumerate(side) for q, (_, t) in enumerate(para)
                  if "，" in t[4:-4]]
    if candidates:
        k, q = rng.choice(candidates)
        ids, t = side[k][q]
        commas = [i for i, ch in enumerate(t) if ch == "，" and 4 <= i < len(t) - 4]
        i = commas[len(commas) // 2]
        side[k][q] = (ids, t[:i] + "。" + t[i + 1:])


def _drop(side: list, rng: random.Random) -> None:
    if len(side) >= 3:
        del side[rng.randrange(1, len(side))]


def _furniture(side: list, english: bool, rng: random.Random) -> None:
    lines = EN_FURNITURE if english else ZH_FURNITURE
    for _ in range(rng.randint(1, 3)):
        n = rng.randrange(len(NAMES))
        text = rng.choice(lines).format(n=NAMES_EN[n] if english else NAMES[n], d="March 3")
        where = rng.choice(["top", "middle", "end", "end"])
        k = 1 if where == "top" else len(side) if where == "end" else rng.randrange(1, len(side) + 1)
        side.insert(min(k, len(side)), [(set(), text)])


def _move_head(side: list) -> None:
    if len(side) >= 3:
        head = side.pop(0)
        side.insert(2, head)


def perturb(cond: str, zh: list, en: list, rng: random.Random) -> None:
    one = rng.choice(["zh", "en"])
    side = zh if one == "zh" else en
    if cond in ("merge-par", "mixed"):
        _merge(side, rng)
    if cond == "split-par":
        _split(side, rng)
    if cond in ("join-split", "mixed"):
        _join_en(en, rng)
        _cut_zh(zh, rng)
    if cond in ("furniture", "mixed"):
        _furniture(side, one == "en", rng)
    if cond in ("drop-par", "mixed"):
        _drop(rng.choice([zh, en]), rng)
    if cond == "move-head":
        _move_head(side)


def _ids(pieces, s: int, e: int) -> frozenset:
    out: set = set()
    for ps, pe, ids in pieces:
        if ps < e and s < pe:
            out |= ids
    return frozenset(out)


def score(zh_text, zh_pieces, en_text, en_pieces, alignment) -> dict:
    zh_units = [u for b in alignment.beads for u in b.zh]
    zh_ids = {u: _ids(zh_pieces, *u) for u in zh_units}
    en_ids = {u: _ids(en_pieces, *u) for b in alignment.beads for u in b.en}
    r = {"en": 0, "ok": 0, "conf_en": 0, "conf_ok": 0, "gap_pred": 0, "gap_true": 0, "gap_hit": 0}
    for bead in alignment.beads:
        predicted = frozenset(bead.zh)
        for u in bead.en:
            truth = frozenset(z for z in zh_units if zh_ids[z] & en_ids[u])
            good = truth == predicted
            r["en"] += 1
            r["ok"] += good
            if bead.confidence >= 0.9:
                r["conf_en"] += 1
                r["conf_ok"] += good
    all_en = set().union(*en_ids.values()) if en_ids else set()
    all_zh = set().union(*zh_ids.values()) if zh_ids else set()
    gap_units = {("z", u) for b in alignment.beads if not b.en for u in b.zh}
    gap_units |= {("e", u) for b in alignment.beads if not b.zh for u in b.en}
    true_gaps = {("z", u) for u, ids in zh_ids.items() if not ids & all_en}
    true_gaps |= {("e", u) for u, ids in en_ids.items() if not ids & all_zh}
    r["gap_pred"], r["gap_true"], r["gap_hit"] = len(gap_units), len(true_gaps), len(gap_units & true_gaps)
    return r


def run(pairs, seed: int) -> dict:
    results = {}
    for cond in CONDITIONS:
        total = {"pairs": 0}
        for name, zh0, en0 in pairs:
            rng = random.Random(f"{seed}:{cond}:{name}")
            zh = [[(set(ids), t) for ids, t in para] for para in zh0]
            en = [[(set(ids), t) for ids, t in para] for para in en0]
            if cond not in ("none", "lines"):
                perturb(cond, zh, en, rng)
            per_line = cond == "lines"
            zh_text, zh_pieces = render(zh, False, per_line)
            en_text, en_pieces = render(en, True, per_line)
            r = score(zh_text, zh_pieces, en_text, en_pieces, align(zh_text, en_text))
            total["pairs"] += 1
            for k, v in r.items():
                total[k] = total.get(k, 0) + v
        results[cond] = total
    overall = {"pairs": 0}
    for t in results.values():
        for k, v in t.items():
            overall[k] = overall.get(k, 0) + v
    results["overall"] = overall
    return results


def speed(pairs, seed: int, target: int = 5000) -> dict:
    """Align one pair of `target` English sentences or more: the files' pairs one after another in
    a shuffled order (again until the target is reached), scored like the others."""
    from qa.bilingual.sentences_en import sentences
    rng = random.Random(f"{seed}:speed")
    zh: list = []
    en: list = []
    count = copy = 0
    while count < target:
        copy += 1
        for k, (_, z, e) in enumerate(rng.sample(pairs, len(pairs))):
            tag = (copy, k)             # segment ids unique across the pairs
            zh.extend([({(tag, i) for i in ids}, t) for ids, t in para] for para in z)
            en.extend([({(tag, i) for i in ids}, t) for ids, t in para] for para in e)
            count += sum(len(sentences(" ".join(t for _, t in para))) for para in e)
            if count >= target:
                break
    zh_text, zh_pieces = render(zh, False, False)
    en_text, en_pieces = render(en, True, False)
    align("中文。", "Chinese.")          # imports (pypinyin's data: about half a second) not timed
    t0, c0 = time.perf_counter(), time.process_time()
    a = align(zh_text, en_text)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()                 # a second run for memory: tracing slows Python down a lot
    align(zh_text, en_text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    r = score(zh_text, zh_pieces, en_text, en_pieces, a)
    return {"zh_sentences": sum(len(b.zh) for b in a.beads), "en_sentences": r["en"],
            "zh_chars": len(zh_text), "en_chars": len(en_text), "seconds": round(elapsed, 2),
            "cpu_seconds": round(cpu, 2), "peak_traced_mb": round(peak / 2**20, 1),
            "accuracy": round(r["ok"] / r["en"], 4)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("RELEASE_QA_SHARED",
                                                       os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json")
    ap.add_argument("--speed", action="store_true")
    args = ap.parse_args(argv)
    pairs = load(args.shared)
    results = run(pairs, args.seed)
    print(f"{'condition':<11} {'pairs':>5} {'en units':>8} {'accuracy':>8} {'gap P':>6} {'gap R':>6} "
          f"{'gaps':>9} {'conf>=.9 acc (share)':>21}")
    for cond, t in results.items():
        acc = t["ok"] / t["en"] if t["en"] else 0.0
        gp = t["gap_hit"] / t["gap_pred"] if t["gap_pred"] else float("nan")
        gr = t["gap_hit"] / t["gap_true"] if t["gap_true"] else float("nan")
        ca = t["conf_ok"] / t["conf_en"] if t["conf_en"] else float("nan")
        cs = t["conf_en"] / t["en"] if t["en"] else 0.0
        print(f"{cond:<11} {t['pairs']:>5} {t['en']:>8} {acc:>8.1%} {gp:>6.1%} {gr:>6.1%} "
              f"{t['gap_hit']:>3}/{t['gap_pred']:>2}/{t['gap_true']:>2} {ca:>12.1%} ({cs:.0%})")
    if args.speed:
        results["speed"] = speed(pairs, args.seed)
        print("speed:", results["speed"])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
