"""Helpers for the command-line tests of Word documents: the CLI run in this process, small
releases written with python-docx, and readers for what a reviewed copy holds (its comments,
the text each is anchored on, as python-docx and as LibreOffice see it)."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

from tests.helpers import ROOT

SEED_DOCX = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.docx")
SEED_TXT = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.txt")
LANHAI = os.path.join(ROOT, "seeds", "001_lanhai_battery.txt")
LANHAI_ZH = os.path.join(ROOT, "seeds", "001_lanhai_battery.zh.txt")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """`release-qa check --isolated ARGS` in this process: (exit status, stdout, stderr)."""
    from qa.cli import main
    code = main(["check", "--isolated", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write_docx(path, paragraphs, title: bool = True) -> str:
    """A .docx of these paragraphs, each a string or a list of (text, formatting) runs
    (formatting: a dict with bold, italic); the first is Title-style when ``title``."""
    import docx

    document = docx.Document()
    for n, para in enumerate(paragraphs):
        p = document.add_paragraph(style="Title" if title and n == 0 else None)
        for text, fmt in ([(para, {})] if isinstance(para, str) else para):
            run = p.add_run(text)
            run.bold = fmt.get("bold")
            run.italic = fmt.get("italic")
    document.save(os.fspath(path))
    return os.fspath(path)


def docx_from_text(path, text_path: str) -> str:
    """A .docx with one paragraph per line of a text file (the first one Title-style)."""
    with open(text_path, encoding="utf-8") as fh:
        lines = fh.read().rstrip("\n").split("\n")
    return write_docx(path, lines)


def members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def comments(path) -> list[tuple[str, str, str]]:
    """(id, author, text) of each comment of a .docx, in id order, read by python-docx."""
    import docx

    found = [(str(c.comment_id), c.author, c.text) for c in docx.Document(os.fspath(path)).comments]
    return sorted(found, key=lambda c: int(c[0]))


def anchored(path) -> dict[str, str]:
    """comment id -> the text between its commentRangeStart and commentRangeEnd (body only)."""
    from defusedxml.ElementTree import fromstring

    root = fromstring(members(path)["word/document.xml"])
    open_ids: list[str] = []
    out: dict[str, str] = {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
            out.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.remove(el.get(W + "id"))
        elif el.tag == W + "t":
            for cid in open_ids:
                out[cid] += el.text or ""
    return out


def libreoffice_anchored(path, folder) -> list[str] | None:
    """The texts LibreOffice shows each comment anchored on (converted to flat ODF), or None
    when LibreOffice is not installed."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return None
    from defusedxml.ElementTree import fromstring

    profile = os.path.join(os.fspath(folder), "lo-profile")
    subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "fodt",
                    "--outdir", os.fspath(folder), os.fspath(path)], capture_output=True, timeout=180,
                   check=True)
    name = os.path.splitext(os.path.basename(path))[0] + ".fodt"
    with open(os.path.join(os.fspath(folder), name), "rb") as fh:
        root = fromstring(fh.read())
    spans: dict[str, list[str]] = {}
    active: list[str] = []

    def walk(el) -> None:
        tag = el.tag
        if tag == OFFICE + "annotation":
            key = el.get(OFFICE + "name")
            spans[key] = []
            active.append(key)
        elif tag == OFFICE + "annotation-end":
            active.remove(el.get(OFFICE + "name"))
        else:
            if tag == TEXT + "s":
                add(" " * int(el.get(TEXT + "c", "1")))
            elif tag == TEXT + "tab":
                add("\t")
            add(el.text or "")
            for child in el:
                walk(child)
        add(el.tail or "")

    def add(text: str) -> None:
        for key in active:
            spans[key].append(text)

    for body in root.iter(OFFICE + "text"):
        walk(body)
    return ["".join(parts) for parts in spans.values()]
