"""Bilingual pairs from the WMT 2023 zh-en dev data: English file beside its Chinese source.

    python bench/bilingual/pairs.py OUT [--data DIR]

writes, for every file of `gold.jsonl`, `OUT/NAME.txt` (a byte copy of `docs/NAME.txt`) and
`OUT/NAME.zh.txt` (each segment's Chinese `source` on its own line, a blank line before every
segment that starts a paragraph, the first one excepted), so a segment's Chinese stands on the
same line number as its English and `release-qa check OUT/` sees each pair side by side.

`alignments(data)` gives, per English file (`docs/NAME.txt`), one `SegmentAlignment` per
segment: its index, its line, and its code-point spans in the Chinese and in the English file,
for scoring a bilingual checker segment by segment.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Iterator
from typing import NamedTuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class SegmentAlignment(NamedTuple):
    """One segment: its index, line (1-based, the same in both files) and spans (end exclusive)."""

    segment: int
    line: int
    zh_span: tuple[int, int]
    en_span: tuple[int, int]


def default_data_dir() -> str:
    """../shared/data/wmt23-zhen-dev beside the checkout, or under $RELEASE_QA_SHARED."""
    shared = os.environ.get("RELEASE_QA_SHARED") or os.path.join(ROOT, "..", "shared")
    return os.path.join(shared, "data", "wmt23-zhen-dev")


def read_gold(data: str) -> Iterator[dict]:
    """The objects of `gold.jsonl`, one per English file, in file order."""
    with open(os.path.join(data, "gold.jsonl"), encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip():
                yield json.loads(raw)


def chinese_layout(segments: list[dict]) -> tuple[str, list[tuple[int, int, int]]]:
    """The Chinese text of one file and, per segment, (line, start, end) of its line in it."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    offset = 0
    line = 0
    for index, segment in enumerate(segments):
        source = segment["source"]
        if "\n" in source or "\r" in source:
            raise ValueError(f"segment {index}: a source holds a line break")
        if index and segment["starts_paragraph"]:
            parts.append("\n")
            offset += 1
            line += 1
        line += 1
        spans.append((line, offset, offset + len(source)))
        parts.append(source + "\n")
        offset += len(source) + 1
    return "".join(parts), spans


def chinese_text(segments: list[dict]) -> str:
    """The Chinese file for one English file's segments (see the module docstring)."""
    return chinese_layout(segments)[0]


def file_alignment(record: dict) -> list[SegmentAlignment]:
    """Per segment of one gold record: index, line, Chinese span, English span."""
    _text, spans = chinese_layout(record["segments"])
    out = []
    for segment, (line, start, end) in zip(record["segments"], spans, strict=True):
        if segment["line"] != line:
            raise ValueError(f"{record['file']}: segment {segment['index']} is on English line "
                             f"{segment['line']} but Chinese line {line}")
        out.append(SegmentAlignment(segment["index"], line, (start, end),
                                    (segment["start"], segment["end"])))
    return out


def alignments(data: str | None = None) -> dict[str, list[SegmentAlignment]]:
    """`docs/NAME.txt` -> its segments' alignments, for every file of the dev data."""
    data = data or default_data_dir()
    return {record["file"]: file_alignment(record) for record in read_gold(data)}


def pair_names(english_file: str) -> tuple[str, str]:
    """Output names (NAME.txt, NAME.zh.txt) for `docs/NAME.txt`."""
    stem = os.path.splitext(os.path.basename(english_file))[0]
    return stem + ".txt", stem + ".zh.txt"


def write_pairs(out: str, data: str | None = None) -> list[str]:
    """Write every English file and its Chinese beside it into `out`; return the English paths."""
    data = data or default_data_dir()
    os.makedirs(out, exist_ok=True)
    written = []
    for record in read_gold(data):
        en_name, zh_name = pair_names(record["file"])
        en_path = os.path.join(out, en_name)
        shutil.copyfile(os.path.join(data, record["file"]), en_path)
        with open(os.path.join(out, zh_name), "w", encoding="utf-8", newline="") as handle:
            handle.write(chinese_text(record["segments"]))
        written.append(en_path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder to write NAME.txt and NAME.zh.txt into")
    parser.add_argument("--data", default=None,
                        help="the wmt23-zhen-dev folder (default: data/wmt23-zhen-dev under "
                             "$RELEASE_QA_SHARED or ../shared)")
    args = parser.parse_args(argv)
    data = args.data or default_data_dir()
    if not os.path.isfile(os.path.join(data, "gold.jsonl")):
        print(f"pairs.py: no gold.jsonl in {data} (pass --data)", file=sys.stderr)
        return 2
    written = write_pairs(args.out, data)
    print(f"wrote {len(written)} pairs into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
