"""`--format github`: a file name holding line breaks must not forge workflow commands
(`::error ...`, `::stop-commands::`) on stdout or stderr."""
from __future__ import annotations

import re

from tests.hostile.common import GOOD, error_lines, lines, run, write

FORGED = "r\n::stop-commands::tok\n::error title=forged::pwned\n%0A,x:y.txt"
OURS = re.compile(r"^::(error|warning|notice) [^\n]*::")


def _no_forged_command(out_lines: list[str]) -> None:
    for line in out_lines:
        if line.lstrip().startswith("::"):
            assert OURS.match(line), line
        assert "::stop-commands::" not in line.split("::", 2)[0]
    assert not any(line.startswith("::stop-commands") for line in out_lines)


def test_annotations_and_score_lines_escape_a_hostile_name(tmp_path):
    path = write(tmp_path, FORGED, GOOD)
    proc = run("--format", "github", path)
    out = lines(proc.stdout)
    _no_forged_command(out)
    _no_forged_command(lines(proc.stderr))
    annotation = next(x for x in out if x.startswith("::warning "))
    assert "r%0A%3A%3Astop-commands%3A%3Atok%0A" in annotation      # property: : and , too
    assert "%250A%2Cx%3Ay.txt" in annotation
    score = next(x for x in out if x.startswith("release-qa: "))
    assert "r%0A::stop-commands::tok%0A::error title=forged::pwned%0A%250A,x:y.txt" in score
    assert proc.returncode == 1


def test_stderr_warnings_and_errors_cannot_start_a_command(tmp_path):
    odd = write(tmp_path, FORGED, GOOD + "\nrelease-qa: disable=NOPE9\n")
    broken = write(tmp_path, "b\n::error::forged.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    proc = run("--format", "github", odd, broken)
    err = error_lines(proc)
    assert len(err) == 2, err
    assert all(x.startswith("release-qa: ") for x in err)
    assert "r\\n::stop-commands::tok\\n::error title=forged::pwned\\n" in err[0] + err[1]
    _no_forged_command(lines(proc.stdout))
    assert proc.returncode == 2
