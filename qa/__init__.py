"""release-qa: checks machine-translated press releases for the defects that make them look careless.

Public API (see qa.api for the details):

- `Checker(**settings)`: the rules of one configuration, built once, with `check_text(text,
  path=None, format=None)` and `check_file(path)` returning a qa.report.FileResult,
  `check_paths(paths, jobs=1)` streaming them, and `report(results)`; picklable.
- `lint_text(text, format="text")` and `lint_paths(paths)`: one-call conveniences returning
  a Report (lint_text reuses a Checker per selection).
- `qa.dask.check_bag(bag, **settings)`: a Dask bag of texts checked on a cluster.

Imports are lazy: `import qa` loads nothing but the version.
"""
from .version import __version__

__all__ = ["Checker", "__version__", "lint_paths", "lint_text"]


def __getattr__(name: str):
    if name == "Checker":
        from .api import Checker
        return Checker
    raise AttributeError(f"module 'qa' has no attribute {name!r}")


def lint_text(text: str, format: str = "text", path: str = "<text>", select=None, ignore=()):
    """Check one release given as a string (no config file is read); returns a Report with
    one FileResult. The Checker of each selection is built once and reused."""
    from .api import _shared
    checker = _shared((("select", tuple(select) if select else None), ("ignore", tuple(ignore)),
                       ("isolated", True)))
    result = checker.check_text(text, None if path == "<text>" else path, format)
    return checker.report([result])


def lint_paths(paths, **settings):
    """Check files and folders with their config files; returns a Report. `settings` are
    those of Checker."""
    from .api import Checker
    checker = Checker(**settings)
    return checker.report(checker.check_paths(list(paths), stream=False))
