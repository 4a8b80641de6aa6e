"""Text and concise output (and stderr) show control characters, bidi controls and the
bytes of names escaped, never raw, with the carets still under the span as shown."""
from __future__ import annotations

import pytest

from tests.hostile.common import error_lines, lines, run, write

HOSTILE = ("Acme opens plant in Wuxi\n\nShares \x1b[31mrose the the most\x1b]0;pwned\x07 and "
           "\u202eyrros\u202c \x9b2J fell.\n\nComments are closed.\n")
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c")


def _has_raw_controls(text: str) -> bool:
    return any(c in text for c in RAW)


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_release_text_and_file_names_are_shown_escaped(tmp_path, fmt):
    path = write(tmp_path, "r\x1b]0;title\x07\u202e.txt", HOSTILE)
    proc = run("--format", fmt, "--color", "always", path)
    out = proc.stdout.decode("utf-8")
    shown = out.replace("\x1b[0m", "").replace("\x1b[1m", "").replace("\x1b[2m", "")
    for colour in ("31", "32", "33", "36"):          # the tool's own colours are fine
        shown = shown.replace(f"\x1b[{colour}m", "")
    assert not _has_raw_controls(shown), shown
    assert "r\\x1b]0;title\\x07\\u202e.txt:" in shown
    if fmt == "text":
        assert "Shares \\x1b[31mrose the the most\\x1b]0;pwned\\x07 and \\u202eyrros\\u202c \\x9b2J" in shown
    assert proc.returncode == 1


def test_carets_stay_under_the_span_as_shown(tmp_path):
    path = write(tmp_path, "r.txt", HOSTILE)
    out = lines(run("--format", "text", "--color", "never", path).stdout)
    row = next(i for i, x in enumerate(out) if x.startswith("3 | "))
    text, marker = out[row][4:], out[row + 1][4:]
    assert "\\x1b[31m" in text and "\\u202e" in text      # escaped, so a terminal shows it as it is
    start = marker.index("^")
    assert text[start:start + len(marker.strip())] == "the the"


def test_stderr_lines_escape_names_and_quoted_text(tmp_path):
    odd = write(tmp_path, "w\x1b[2J\u202e.txt", "Title\n\n<!-- release-qa: disabel=\x1b[5mX -->\n")
    binary = write(tmp_path, "b\x1b[2J.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    proc = run(odd, binary)
    err = error_lines(proc)
    assert len(err) == 2 and not any(_has_raw_controls(x) for x in err), err
    assert any("w\\x1b[2J\\u202e.txt" in x and "\\x1b[5mX" in x for x in err), err
    assert any("b\\x1b[2J.txt: binary file" in x for x in err), err


def test_diff_headers_quote_a_hostile_name(tmp_path):
    path = write(tmp_path, 'd\n+++ x\x1b[2J".txt', "Acme opens plant\n\nSales rose\uff0c costs fell.\n")
    proc = run("--diff", "--select", "PU", path)
    out = lines(proc.stdout)
    quoted = '"' + str(tmp_path) + '/d\\n+++ x\\x1b[2J\\".txt"'
    assert out[:2] == [f"--- {quoted}", f"+++ {quoted}"], out
    assert not any(x.startswith("+++ x") for x in out) and proc.returncode == 1
