"""What a short run loads: the start-up budget of a pre-commit check, held by what is
imported or built rather than by times (bench/speed.py measures those)."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT, SEED

_WARM_RUN = r"""
import contextlib, io, sys
from qa.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["check", "--isolated", sys.argv[1]])
heavy = ("rapidfuzz", "langdetect", "multiprocessing", "concurrent.futures", "hashlib", "html.entities")
print({"code": code, "loaded": [m for m in heavy if m in sys.modules]})
"""


def test_a_short_run_loads_nothing_it_does_not_need(tmp_path):
    # the start-up budget of a pre-commit run: the fuzzy matcher, the language profiles and
    # the process pools are loaded only when a run needs them; OpenSSL (through hashlib) and
    # HTML's table of entity names not at all for a plain release
    runs = [subprocess.run([sys.executable, "-c", _WARM_RUN, SEED], capture_output=True,
                           text=True, cwd=ROOT, timeout=120) for _ in range(2)]
    first, second = (r.stdout.splitlines()[-1] for r in runs)
    assert first == second == "{'code': 1, 'loaded': []}"
    same = [subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", SEED],
                           capture_output=True, text=True, cwd=ROOT).stdout for _ in range(2)]
    assert same[0] == same[1] and "findings" in same[0].splitlines()[-1]


_SELECTED = r"""
import contextlib, io, sys
from qa.cli import main
from qa.runner import Runner
built = {}
real = Runner.report
def report(self, results):
    for key, (s, rules, config, rs) in self.plan._selected.items():
        for pack in rs.packs:
            built[pack.name] = any(m._index is not None for m in pack.matchers.values())
    return real(self, results)
Runner.report = report
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", "--isolated", "--select", sys.argv[2], sys.argv[1]])
print(sorted(name for name, b in built.items() if b), "rapidfuzz" in sys.modules,
      "langdetect" in sys.modules)
"""


def test_packs_a_run_does_not_select_are_not_prepared():
    def run(select: str) -> str:
        out = subprocess.run([sys.executable, "-c", _SELECTED, SEED, select], capture_output=True,
                             text=True, cwd=ROOT, timeout=120)
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()
    assert run("TI") == "[] False False"                # title rules only: no pack is built
    assert run("TR,BP") == "['boilerplate', 'translationese'] False False"
    assert run("ALL").startswith("['boilerplate', 'chinese', ")
