"""A bounded fuzzer for the readers, the document model and the rules.

    python bench/fuzz.py [--seconds 60] [--seed 1] [--out tests/fuzz_regressions]

Each execution builds an input — a mix of press-release fragments, markup, CJK text,
line endings, entities, directives, random code points and raw bytes — decodes it like a
file, reads it as plain text, Markdown and HTML, runs every rule, and checks the contract:
nothing raises, every finding's offsets lie in the file and slice out its text, and its line
and column agree with its offset. A failing input is written to the output folder (as a
.bin file of the raw bytes plus a .fmt file with the format) and the run stops with status 1;
tests/test_fuzz.py replays every saved input, so a crash found once stays fixed.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

PIECES = [
    "Haier Group", "JD Group", "Jingdong Group", "Envision Group", "Vision Technology Group",
    ", ", ". ", "; ", "\n", "\r\n", "\r", "\n\n", "  ", "\t", "Co., Ltd", "Co., Ltd.", "Mr. ",
    "U.S.", "No. 1", "(Photo by Hu Xiao)", "Comments are closed.", "Send e-mail", "(End)",
    "hereinafter referred to as", "“WIOT 2021”", "2021 WIOT", "IOT 2021", "World Internet of Things Exposition",
    "无锡", "江苏省", "，", "、", "。", "　", "《", "》", "ＡＢＣ", "â€œ", "Ã©", "\ufffd", "e\u0301",
    "\U0001F600", "\u200b", "\ufeff", "\x00", "<p>", "</p>", "<h1>", "</h1>", "<li>", "<br>",
    "<!-- release-qa: disable=BP -->", "release-qa: disable-next-line=NC\n", "<script>x()</script>",
    "&amp;", "&#x4e2d;", "&nbsp;", "&bogus", "# ", "## ", "- ", "1. ", "> ", "**", "*", "_", "`code`",
    "[link](http://x.y)", "```\n", "---\n", "| a | b |\n", "<", ">", "Ministry of Commerce of Hubei Province",
    "the the", "IoT industry", "Digital Future Smart connects everything", "Kunlin, Wang Zhijun, Hu Guangjie",
    "Zhang Lei", "Lei Zhang", "etc. Ltd", "22th", "3000,20", "<>", "1000 billion yuan", "Macao", "Macau",
    "University of Brunei", "Brunei University", "KMT", "Kuomintang", "(CPC)", "Xinhua", "Tiếng Việt",
    "Привет", "ＯＫ", "‘", "’", "—", "…", "-\u0301", "ß", "İ", "ǅ",
]
FORMATS = ("text", "markdown", "html")


def make_input(rng: random.Random) -> bytes:
    parts = []
    for _ in range(rng.randint(0, 60)):
        r = rng.random()
        if r < 0.75:
            parts.append(rng.choice(PIECES))
        elif r < 0.9:
            parts.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 8))))
        else:
            parts.append(" ".join(rng.choice(PIECES).split()[::-1]))
    text = "".join(parts)
    roll = rng.random()
    if roll < 0.05:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 200)))
    if roll < 0.1:
        return text.encode("utf-16")
    if roll < 0.15:
        return text.encode("gb18030", "replace")
    return text.encode("utf-8", "surrogatepass")


def check(data: bytes, fmt: str, rules, config) -> None:
    """Raise AssertionError (or whatever the code raises) when the contract breaks."""
    from qa.document import load_document
    from qa.engine import lint_document
    from qa.errors import InputError
    from qa.source import decode
    try:
        src = decode(data, f"fuzz.{fmt}")
    except InputError:
        return
    text = src.text
    doc = load_document(src, fmt)
    outcome = lint_document(doc, rules, config)
    assert not [e for e in outcome.errors if "failed" in e], outcome.errors
    starts = [0] + [i + 1 for i, c in enumerate(text)
                    if c == "\n" or (c == "\r" and text[i + 1:i + 2] != "\n")]
    for f in outcome.findings:
        loc = f.location
        assert 0 <= loc.offset <= loc.end_offset <= len(text), f
        assert text[loc.offset:loc.end_offset] == loc.text, f
        assert starts[loc.line - 1] + loc.column - 1 == loc.offset, f
        assert starts[loc.end_line - 1] + loc.end_column - 1 == loc.end_offset, f


def save(out: str, data: bytes, fmt: str) -> str:
    os.makedirs(out, exist_ok=True)
    name = hashlib.sha1(data + fmt.encode()).hexdigest()[:16]
    with open(os.path.join(out, name + ".bin"), "wb") as fh:
        fh.write(data)
    with open(os.path.join(out, name + ".fmt"), "w", encoding="ascii") as fh:
        fh.write(fmt + "\n")
    return name


def fuzz(seconds: float, seed: int, out: str | None) -> tuple[int, list[str]]:
    """Run for `seconds`; return (executions, names of saved failing inputs)."""
    from qa.engine import RunConfig
    from qa.ruleset import build_ruleset
    rs = build_ruleset()
    rules = rs.select(["ALL"])
    config = RunConfig(glossary=rs.glossary)
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    runs = 0
    failures: list[str] = []
    while time.monotonic() < deadline:
        data = make_input(rng)
        for fmt in FORMATS:
            runs += 1
            try:
                check(data, fmt, rules, config)
            except Exception as exc:  # a crash or a broken contract: keep the input
                name = save(out, data, fmt) if out else "-"
                failures.append(f"{name}: {fmt}: {type(exc).__name__}: {str(exc)[:200]}")
                return runs, failures
    return runs, failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fuzz_regressions"))
    args = ap.parse_args(argv)
    runs, failures = fuzz(args.seconds, args.seed, args.out)
    print(f"{runs} executions in {args.seconds:g} s (seed {args.seed}); "
          f"{len(failures)} failure{'s' if len(failures) != 1 else ''}")
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
