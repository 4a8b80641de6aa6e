"""Nothing read from disk runs as code, and a run leaves nothing behind: no cache is written
(not in HOME, not in the checked tree, not in the working folder, with or without HOME set), and
the package holds no way to turn stored data into code (marshal, pickle from files, exec or eval
of read text, compiled regex programs from outside the installed package handed to a C matcher)."""
from __future__ import annotations

import os
import re

from tests.helpers import ROOT
from tests.hostile.common import GOOD, run

# the only places allowed to execute or unpickle, and why
ALLOWED = {
    ("qa/_speed/records.py", "exec"),       # compiles the __init__ it generates from the class
    ("qa/_speed/parallel.py", "pickle"),    # results from its own forked children, over a pipe
    # the compiled programs of the built-in patterns that ship inside the package
    # (qa/_speed/program_tables/, made by scripts/pattern_programs.py); never a file from
    # outside it, never anything written at run time (test_programs_come_only_from_the_package)
    ("qa/_speed/programs.py", "_sre.compile"),
    ("qa/_speed/programs.py", "_regex.compile"),
}
DANGEROUS = re.compile(r"\bmarshal\b|\bpickle\.loads?\(|\bexec\(|\beval\(|\b_sre\.compile|"
                       r"\bshelve\b|_regex\.compile\(")


def test_the_package_cannot_turn_stored_data_into_code():
    found = []
    for folder, _, files in os.walk(os.path.join(ROOT, "qa")):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, ROOT)
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    m = DANGEROUS.search(line.split("#", 1)[0])
                    if m:
                        kind = "pickle" if "pickle" in m.group() else m.group().rstrip("(")
                        if (rel, kind) not in ALLOWED:
                            found.append(f"{rel}:{n}: {line.strip()}")
    assert found == []


def test_programs_come_only_from_the_package():
    # the tables come from the package's own program_tables/, chosen by the interpreter and
    # engine builds alone through its index (no path, setting or input names them)
    with open(os.path.join(ROOT, "qa", "_speed", "programs.py"), encoding="utf-8") as fh:
        code = fh.read()
    assert re.findall(r"import_module\((.*?)\)", code) == ['f"{__package__}.program_tables"',
                                                           'f"{__package__}.program_tables.{name}"']
    assert "name.startswith(engine + \"_\") and name.isidentifier()" in code
    assert "open(" not in code and "environ" not in code and "getenv" not in code
    from qa._speed import programs
    for engine in ("re", "regex"):
        name = programs.fingerprint(engine)
        assert name is None or re.fullmatch(r"[a-z0-9_]+", name)


def test_a_run_writes_nothing_but_its_outputs(tmp_path):
    home, tree = tmp_path / "home", tmp_path / "tree"
    home.mkdir()
    tree.mkdir()
    (tree / "r.txt").write_text(GOOD, encoding="utf-8")
    before = sorted(p.name for p in tree.iterdir())
    for env_home in (str(home), None):              # HOME set, and HOME unset
        env = {k: v for k, v in os.environ.items()
               if k not in ("HOME", "XDG_CACHE_HOME", "RELEASE_QA_CACHE_DIR")}
        if env_home:
            env["HOME"] = env_home
        proc = run(str(tree / "r.txt"), cwd=tree, env=env)
        assert proc.returncode == 1, proc.stderr
        assert sorted(p.name for p in tree.iterdir()) == before
        assert list(home.iterdir()) == []
