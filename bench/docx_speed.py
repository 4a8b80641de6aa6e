"""How much a .docx costs against the same release as .txt: reading it, and the whole check.

    python bench/docx_speed.py [--runs N] [--pages 50] [--no-check]

Three rows for the seed release and for a generated release of about --pages pages (the seed's
paragraphs repeated under headings, with bold and italic runs and a table every few sections):

- warm: median time of ``read_docx`` in this process against opening and decoding the .txt;
- cold: a fresh Python reading the file (start-up and imports included) for each;
- check: ``release-qa check --isolated --format json`` of the .docx and of the .txt through the
  command line (a subprocess each, Python start-up included), run in turn so that both see the
  same load on the machine; medians and their ratio. The target is a .docx check within 2x of
  the .txt check.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SEED_TXT = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.txt")
SEED_DOCX = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.docx")
WORDS_PER_PAGE = 500


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def read_txt(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def make_long(folder: str, pages: int) -> tuple[str, str]:
    """A release of about ``pages`` pages as .docx and the same text as .txt."""
    import docx

    from qa.docx import read_docx

    lines = [line for line in read_txt(SEED_TXT).split("\n") if line.strip()]
    document = docx.Document()
    document.add_paragraph(lines[0], style="Title")
    words, section = 0, 0
    while words < pages * WORDS_PER_PAGE:
        section += 1
        document.add_heading(f"Section {section}", level=1)
        for n, line in enumerate(lines[1:]):
            paragraph = document.add_paragraph()
            cut = len(line) // 3
            paragraph.add_run(line[:cut])
            paragraph.add_run(line[cut:2 * cut]).bold = n % 2 == 0
            paragraph.add_run(line[2 * cut:]).italic = n % 3 == 0
            words += len(line.split())
        if section % 5 == 0:
            table = document.add_table(rows=3, cols=3)
            for i, cell in enumerate(table._cells):
                cell.text = lines[1 + i % (len(lines) - 1)][:80]
    path = os.path.join(folder, "long.docx")
    document.save(path)
    txt = os.path.join(folder, "long.txt")
    with open(txt, "w", encoding="utf-8", newline="") as fh:
        fh.write(read_docx(path).text)
    return path, txt


def cold_ms(code: str, runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=ROOT)
    cmd = [sys.executable, "-c", code]
    subprocess.run(cmd, check=True, env=env)
    return median_ms(lambda: subprocess.run(cmd, check=True, env=env), runs)


def check_pair_ms(first: str, second: str, runs: int) -> tuple[float, float] | None:
    """Median times of `release-qa check` of two files through the command line, taken in turn
    (first, second, first, ...) after one warm-up run of each."""
    exe = shutil.which("release-qa", path=os.path.dirname(sys.executable))
    if not exe:
        return None
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(runs + 1):
        for k, path in enumerate((first, second)):
            cmd = [exe, "check", "--isolated", "--format", "json", "--exit-zero", path]
            start = time.perf_counter()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
            if done.returncode != 0:
                raise SystemExit(f"release-qa check {path} failed: {done.stderr.decode(errors='replace')}")
            if n:
                times[k].append(time.perf_counter() - start)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--no-check", action="store_true", help="skip the release-qa check rows")
    args = parser.parse_args(argv)
    from qa.docx import read_docx

    with tempfile.TemporaryDirectory() as folder:
        long_docx, long_txt = make_long(folder, args.pages)
        files = (("seed", SEED_DOCX, SEED_TXT), (f"{args.pages} pages", long_docx, long_txt))
        for label, docx_path, txt_path in files:
            text = read_docx(docx_path).text
            assert text == read_txt(txt_path)
            size = os.path.getsize(docx_path)
            warm_docx = median_ms(lambda p=docx_path: read_docx(p), args.runs)
            warm_txt = median_ms(lambda p=txt_path: read_txt(p), args.runs)
            print(f"{label}: {len(text.split()):,} words, {len(text.split(chr(10))):,} paragraphs, "
                  f".docx {size:,} bytes")
            print(f"  warm read: read_docx {warm_docx:.1f} ms, .txt {warm_txt:.2f} ms")
            cold_docx = cold_ms(f"from qa.docx import read_docx; read_docx({docx_path!r})", args.runs)
            cold_txt = cold_ms(f"open({txt_path!r}, encoding='utf-8').read()", args.runs)
            print(f"  cold read (Python start-up included): .docx {cold_docx:.0f} ms, "
                  f".txt {cold_txt:.0f} ms, extra {cold_docx - cold_txt:.0f} ms")
            if args.no_check:
                continue
            pair = check_pair_ms(docx_path, txt_path, max(5, args.runs // 2))
            if pair is None:
                print("  check: release-qa is not installed in this Python's folder")
                continue
            check_docx, check_txt = pair
            ratio = check_docx / check_txt
            verdict = "met" if ratio <= 2 else "NOT met"
            print(f"  check through the CLI (medians of {max(5, args.runs // 2)} runs each): .docx "
                  f"{check_docx:.0f} ms, .txt {check_txt:.0f} ms = {ratio:.2f}x (target <= 2x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
