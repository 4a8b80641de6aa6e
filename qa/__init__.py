"""release-qa: checks machine-translated press releases for the defects that make them look careless.

Public API: `lint_text(text, format="text")` and `lint_paths(paths)`; both return a Report.
"""
from .version import __version__

__all__ = ["__version__", "lint_paths", "lint_text"]


def lint_text(text: str, format: str = "text", path: str = "<text>", select=None, ignore=()):
    """Check one release given as a string; returns a Report with one FileResult."""
    from .runner import Overrides, Runner, check_source
    from .source import SourceFile, dominant_newline
    runner = Runner(Overrides(select=tuple(select) if select else None, ignore=tuple(ignore)),
                    isolated=True)
    settings = runner.settings_for(path if path != "<text>" else ".")
    src = SourceFile(path, text, "utf-8", False, dominant_newline(text))
    result = check_source(src, settings, runner.plan, format)
    return runner.report([result])


def lint_paths(paths, **overrides):
    """Check files and folders with their config files; returns a Report."""
    from .runner import Overrides, Runner
    return Runner(Overrides(**overrides)).run(list(paths))
