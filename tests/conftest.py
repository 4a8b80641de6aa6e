"""Test session set-up: the package's bytecode is written once, before any test runs.

Many tests run the real command line in a subprocess. Where PYTHONDONTWRITEBYTECODE is set
(some CI images and sandboxes set it), an editable install never gets bytecode, so every one
of those processes compiles the whole package from source again: about 0.2 s each, minutes
over the suite. compileall writes it whatever that variable says; a process started later
still reads it. release-qa itself keeps no state between runs: there is nothing else here.
"""
from __future__ import annotations

import compileall
import os

PACKAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "qa")


def pytest_configure(config) -> None:
    if not hasattr(config, "workerinput"):      # once: in xdist's controller, or a plain run
        compileall.compile_dir(PACKAGE, quiet=2)
