"""Run the number comparison over the WMT23 zh-en dev pairs and print how it fares.

Usage: python bench/bilingual/numbers_dev.py [DATA_DIR] [--quiet]

DATA_DIR defaults to ../shared/data/wmt23-zhen-dev beside the checkout (or $RELEASE_QA_SHARED/data/...).
Each segment's Chinese `source` is paired with its English line; prints the segments flagged, the
share of rater-clean segments flagged, the share of flagged segments that carry an Accuracy/* mark,
every flagged segment with its messages, and, when bench/bilingual/numeric_mismatches.jsonl
exists, the recall on its hand-labelled mismatches.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from qa.bilingual.compare_numbers import compare_numbers  # noqa: E402


def data_dir(argv: list[str]) -> Path:
    args = [a for a in argv if not a.startswith("--")]
    if args:
        return Path(args[0])
    shared = os.environ.get("RELEASE_QA_SHARED")
    base = Path(shared) if shared else ROOT.parent / "shared"
    return base / "data" / "wmt23-zhen-dev"


def segments(folder: Path):
    """(file, segment, english, accuracy-marked) for every segment of the gold."""
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            english = (folder / doc["file"]).read_text(encoding="utf-8")
            for seg in doc["segments"]:
                accuracy = any(
                    err["category"].startswith("Accuracy/")
                    and err["start"] is not None
                    and err["start"] < seg["end"]
                    and err["end"] > seg["start"]
                    or err.get("segment") == seg.get("index")
                    and err["category"].startswith("Accuracy/")
                    for err in doc["errors"]
                )
                yield doc["file"], seg, english[seg["start"] : seg["end"]], accuracy


def main(argv: list[str]) -> int:
    folder = data_dir(argv)
    quiet = "--quiet" in argv
    total = clean = clean_flagged = flagged = flagged_accuracy = 0
    flagged_keys: set[tuple[str, int]] = set()
    for name, seg, english, accuracy in segments(folder):
        total += 1
        clean += seg["clean"]
        issues = compare_numbers(seg["source"], english)
        if not issues:
            continue
        flagged += 1
        flagged_accuracy += accuracy
        clean_flagged += seg["clean"]
        flagged_keys.add((name, seg["line"]))
        if not quiet:
            mark = "CLEAN " if seg["clean"] else ("acc   " if accuracy else "noacc ")
            print(f"{mark}{name}:{seg['line']}\n  ZH: {seg['source']}\n  EN: {english}")
            for issue in issues:
                print(
                    f"  -> {issue.kind}: {issue.message}"
                    + (f" [write: {issue.suggestion}]" if issue.suggestion else "")
                )
    print(f"segments: {total}; flagged: {flagged}")
    print(
        f"rater-clean segments flagged: {clean_flagged}/{clean} = {clean_flagged / max(clean, 1):.1%}"
        " (target <= 1%)"
    )
    print(
        f"flagged segments with an Accuracy/* mark: {flagged_accuracy}/{flagged} = "
        f"{flagged_accuracy / max(flagged, 1):.1%} (target >= 90%)"
    )
    labels = HERE / "numeric_mismatches.jsonl"
    if labels.exists():
        wanted = [
            json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        keys = {(row.get("file"), row.get("line")) for row in wanted}
        found = len(keys & flagged_keys)
        print(
            f"recall on {labels.name}: {found}/{len(keys)} = {found / max(len(keys), 1):.1%} (target >= 80%)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
