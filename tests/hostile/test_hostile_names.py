"""Every output format copes with any name the OS gives: bytes that are not UTF-8 (Python
carries them as lone surrogates), line breaks, quotes, `<script>`, `]]>` and `-->`. Output is
valid UTF-8 and valid for its format, and names are shown escaped, never interpreted."""
from __future__ import annotations

import json
import re

import pytest
from defusedxml import ElementTree

from tests.hostile.common import GOOD, run, write

NAMES = [b"caf\xe9.txt", "new\nline.txt", "quo\"te's.txt", "<script>alert(1).txt", "a]]>b.txt",
         "c-->d.txt"]
FORMATS = ["text", "concise", "json", "sarif", "github", "markdown", "html", "junit"]


@pytest.fixture()
def named(tmp_path):
    return [write(tmp_path, name, GOOD) for name in NAMES]


def _check(fmt: str, out: str) -> None:
    if fmt in ("text", "concise"):
        assert "caf\\xe9.txt:" in out and "new\\nline.txt:" in out and "\x1b" not in out
    elif fmt == "json":
        files = json.loads(out)["files"]
        names = [f["path"].rsplit("/", 1)[-1] for f in files]
        assert names == ["caf\\xe9.txt", "new\nline.txt", "quo\"te's.txt", "<script>alert(1).txt",
                         "a]]>b.txt", "c-->d.txt"]
        assert all(len(f["findings"]) == 1 for f in files)
    elif fmt == "sarif":
        run_ = json.loads(out)["runs"][0]
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]]
        assert [u.rsplit("/", 1)[-1] for u in uris] == [
            "caf%E9.txt", "new%0Aline.txt", "quo%22te's.txt", "%3Cscript%3Ealert(1).txt",
            "a%5D%5D%3Eb.txt", "c--%3Ed.txt"]
    elif fmt == "github":
        for line in out.splitlines():
            assert not line.startswith("::") or re.match(r"::(warning|error|notice) ", line), line
        assert "caf\\xe9.txt" in out and "new%0Aline.txt" in out
    elif fmt == "markdown":
        assert "new\nline" not in out and "new\\nline.txt" in out and "caf\\xe9.txt" in out
        for line in out.splitlines():          # raw only inside a code span, as literal text
            if "<script>" in line:
                assert re.search(r"`[^`]*<script>alert\(1\)\.txt`", line), line
        assert "&lt;script&gt;alert(1).txt</b>" in out
    elif fmt == "html":
        assert "<script>alert(1)" not in out and "&lt;script&gt;alert(1).txt" in out
        assert "caf\\xe9.txt" in out and "new\\nline.txt" in out
    elif fmt == "junit":
        root = ElementTree.fromstring(out.encode("utf-8"))
        names = [s.get("name").rsplit("/", 1)[-1] for s in root.iter("testcase")]   # one per file
        assert names == ["caf\\xe9.txt", "new\\nline.txt", "quo\"te's.txt", "<script>alert(1).txt",
                         "a]]>b.txt", "c-->d.txt"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_on_stdout(named, fmt):
    proc = run("--format", fmt, "--color", "never", *named)
    assert (proc.returncode, proc.stderr) == (1, b"")
    _check(fmt, proc.stdout.decode("utf-8"))           # strict: invalid UTF-8 fails here


def test_every_format_written_with_o(named, tmp_path):
    outs = {fmt: tmp_path / f"report.{fmt}" for fmt in FORMATS}
    args = [a for fmt, path in outs.items() for a in ("-o", f"{fmt}={path}")]
    proc = run(*args, "--format", "concise", *named)
    assert (proc.returncode, proc.stderr) == (1, b"")
    for fmt, path in outs.items():
        _check(fmt, path.read_bytes().decode("utf-8"))
