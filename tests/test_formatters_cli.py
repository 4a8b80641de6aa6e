"""Every format through the command line: --format on stdout, several -o outputs in one run,
and the markdown summary appended to $GITHUB_STEP_SUMMARY."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from qa.cli import main
from tests import formatter_cases as fc

FORMATS = ("concise", "github", "markdown", "html", "junit", "sarif")


@pytest.fixture()
def release(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    path = tmp_path / "news" / "crlf.txt"
    path.write_bytes(fc.CRLF.encode("utf-8"))
    return "news/crlf.txt"


def check(*args) -> int:
    return main(["check", "--isolated", "--pack", fc.PACK, "--select", "FX", *args])


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_on_stdout(fmt, release, capsys):
    assert check("--format", fmt, release) == 1
    out = capsys.readouterr().out
    assert "news/crlf.txt" in out
    if fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"] \
            ["charOffset"] == 36
    if fmt == "junit":
        assert ET.fromstring(out.encode()).get("failures") == "1"     # one release, failing
    if fmt == "concise":
        assert out.startswith("news/crlf.txt:3:1: FX02 [warning] ")


def test_several_outputs_in_one_run(release, tmp_path, capsys, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    outs = [f"{fmt}={tmp_path / 'out' / ('r.' + fmt)}" for fmt in ("sarif", "html", "junit", "github")]
    args = [x for o in outs for x in ("-o", o)] + ["-o", f"markdown={summary}"]
    assert check("--format", "concise", *args, release) == 1
    assert capsys.readouterr().out.startswith("news/crlf.txt:3:1: FX02")
    assert json.loads((tmp_path / "out" / "r.sarif").read_text("utf-8"))["version"] == "2.1.0"
    assert (tmp_path / "out" / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    ET.fromstring((tmp_path / "out" / "r.junit").read_bytes())
    assert (tmp_path / "out" / "r.github").read_text("utf-8").startswith("::warning file=news/crlf.txt,line=3")
    text = summary.read_text("utf-8")
    assert text.startswith("# earlier step\n## release-qa report\n")
