"""Make seeds/000_f1d4fa1267fc45f6.docx from the seed release's .txt, reproducibly.

Line 1 becomes a Title-style paragraph, every other line a Normal paragraph (empty lines too,
so paragraph N is line N). Some runs are formatted so that readers and fixes meet real run
boundaries: the event's first full name in bold, the defined acronym in italics, photo captions
in small grey italics, "Label:" prefixes of the contact block in bold, the closing line in grey.
The zip is written with fixed timestamps, order and compression, and the core properties are
fixed, so running this twice gives the same bytes.

    python scripts/make_seed_docx.py [SRC.txt [OUT.docx]]
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.txt")
OUT = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.docx")
STAMP = dt.datetime(2021, 10, 23, 9, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# (regular expression, formatting) applied to the first match in a line; formatting keys are
# bold, italic, size (points) and colour (RRGGBB).
SPANS = [
    (re.compile(r"World Exhibition for the Internet of Things 2021"), {"bold": True}),
    (re.compile(r"“WIOT 2021”"), {"italic": True}),
    (re.compile(r"^.*\((?:[Pp]hoto) by [^)]*\)$"), {"italic": True, "size": 9, "colour": "595959"}),
    (re.compile(r"^Media contact$"), {"bold": True, "size": 12}),
    (re.compile(r"^[A-Z][A-Za-z -]{1,20}:(?= )"), {"bold": True}),
    (re.compile(r"^Comments are closed\.$"), {"colour": "808080"}),
]


def _runs(line: str) -> list[tuple[str, dict]]:
    """Split a line into (text, formatting) runs by the first match of each of SPANS."""
    marks: list[tuple[int, int, dict]] = []
    for pattern, fmt in SPANS:
        m = pattern.search(line)
        if m and m.end() > m.start() and all(m.end() <= s or m.start() >= e for s, e, _ in marks):
            marks.append((m.start(), m.end(), fmt))
    marks.sort(key=lambda m: m[0])
    out, pos = [], 0
    for start, end, fmt in marks:
        if start > pos:
            out.append((line[pos:start], {}))
        out.append((line[start:end], fmt))
        pos = end
    if pos < len(line):
        out.append((line[pos:], {}))
    return out


def build(lines: list[str]) -> bytes:
    """The .docx bytes for these lines (python-docx's default template)."""
    import docx
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "release-qa"
    props.title = lines[0] if lines else ""
    props.created = props.modified = props.last_printed = STAMP
    props.revision = 1
    for number, line in enumerate(lines, 1):
        paragraph = document.add_paragraph(style="Title" if number == 1 else None)
        for text, fmt in _runs(line):
            run = paragraph.add_run(text)
            run.bold = fmt.get("bold")
            run.italic = fmt.get("italic")
            if "size" in fmt:
                run.font.size = Pt(fmt["size"])
            if "colour" in fmt:
                run.font.color.rgb = RGBColor.from_string(fmt["colour"])
    buf = io.BytesIO()
    document.save(buf)
    return _reproducible(buf.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The same zip with fixed member timestamps, attributes and compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info), compresslevel=9)
    return out.getvalue()


def main(argv: list[str]) -> int:
    src = argv[0] if argv else SRC
    out = argv[1] if len(argv) > 1 else OUT
    with open(src, encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    data = build(lines)
    with open(out, "wb") as fh:
        fh.write(data)
    print(f"wrote {out} ({len(data):,} bytes, {len(lines)} paragraphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
