"""The JSON contract: schema-valid, and every finding's offsets, lines and columns point at
its text in the file as given (plain text, Markdown and HTML, LF and CRLF)."""
from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from tests.helpers import ROOT, SEED

SCHEMA = json.loads(resources.files("qa.schemas").joinpath("report.schema.json").read_text("utf-8"))


def seed_text() -> str:
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


def as_markdown(text: str) -> str:
    title, _, body = text.partition("\n")
    return f"# {title}\n" + body.replace("Haier Group", "**Haier Group**")


def as_html(text: str) -> str:
    title, _, body = text.partition("\n")
    paras = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>Site</title></head><body>\n<h1>{html.escape(title)}</h1>\n"
            f"<nav>Home | News</nav>\n{paras}</body></html>\n")


VARIANTS = {
    "seed.txt": seed_text(),
    "seed-crlf.txt": seed_text().replace("\n", "\r\n"),
    "seed.md": as_markdown(seed_text()),
    "seed.html": as_html(seed_text()),
}


def check(paths, *extra):
    proc = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", "--format", "json",
                           "--min-severity", "info", *extra, *paths], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants")
    paths = []
    for name, text in VARIANTS.items():
        p = folder / name
        p.write_bytes(text.encode("utf-8"))
        paths.append(str(p))
    for name, codec in ENCODED.items():      # the reported encoding decodes to what offsets count
        p = folder / name
        p.write_bytes(seed_text().encode(codec))
        paths.append(str(p))
    return check(paths)


ENCODED = {"seed-bom.txt": "utf-8-sig", "seed-utf16.txt": "utf-16", "seed-gb.txt": "gb18030"}


def test_output_validates_against_the_shipped_schema(report):
    jsonschema.validate(report, SCHEMA)
    assert report["version"] == "1.0"
    assert set(report["summary"]["by_category"]) == {
        "duplication", "name-consistency", "title", "terminology", "translationese", "untranslated",
        "punctuation", "encoding", "boilerplate", "person-name", "garbled", "style", "grammar",
        "accuracy"}


def test_offsets_lines_and_columns_agree_with_the_file(report):
    for f in report["files"]:
        with open(f["path"], encoding=f["encoding"], newline="") as fh:
            text = fh.read()
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" or (c == "\r" and text[i + 1:i + 2] != "\n")]
        for x in f["findings"]:
            assert text[x["offset"]:x["end_offset"]] == x["text"], (f["path"], x)
            assert starts[x["line"] - 1] + x["column"] - 1 == x["offset"]
            assert starts[x["end_line"] - 1] + x["end_column"] - 1 == x["end_offset"]
            for r in x["related"]:
                assert text[r["offset"]:r["end_offset"]] == r["text"]
        assert f["findings"], f"no findings in {f['path']}"


def test_encoding_reported_is_the_codec_that_gives_the_counted_text(report):
    got = {os.path.basename(f["path"]): f["encoding"] for f in report["files"]}
    assert {k: got[k] for k in ENCODED} == {"seed-bom.txt": "utf-8-sig", "seed-utf16.txt": "utf-16",
                                            "seed-gb.txt": "gb18030"}
    assert got["seed.txt"] == "utf-8"


def test_same_findings_in_every_format(report):
    """The seed as text, Markdown and HTML gives the same rules on the same texts."""
    def key(f):
        return sorted((x["rule"], " ".join(html.unescape(x["text"]).split()).replace("**", ""))
                      for x in f["findings"])
    by_name = {os.path.basename(f["path"]): key(f) for f in report["files"]}
    for name in ("seed-crlf.txt", *ENCODED):
        assert by_name["seed.txt"] == by_name[name], name
    # markup may change a title or list rule's view slightly, but the boilerplate must agree
    for name in ("seed.md", "seed.html"):
        bp = [k for k in by_name[name] if k[0].startswith("BP")]
        assert bp == [k for k in by_name["seed.txt"] if k[0].startswith("BP")], name


def test_summary_counts_match_findings(report):
    n = sum(len(f["findings"]) for f in report["files"])
    s = report["summary"]
    assert s["findings"] == n == sum(s["by_severity"].values()) == sum(s["by_category"].values())
    assert s["files"] == len(VARIANTS) + len(ENCODED)
