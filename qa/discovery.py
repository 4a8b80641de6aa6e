"""Expanding the paths on the command line into the files to check.

Folders are walked with an explicit stack, not recursion, so a tree thousands of levels deep
is walked like any other; symbolic links to folders are not followed (a link loop cannot
trap the walk). Files matching the include globs are kept unless an exclude glob matches;
whatever they are (a FIFO or device named `x.txt` included) the reader decides whether they
can be read, so each is reported on its own line. A folder that cannot be listed is reported
as that folder's error and the walk goes on. A file named explicitly is always checked; `-`
stands for stdin.
"""
from __future__ import annotations

import fnmatch
import os

from ._speed.records import record


@record(frozen=True)
class Target:
    path: str               # the path as shown to the user
    missing: str = ""       # why it cannot be checked (reported as an input error)


def _matches(name: str, rel: str, globs) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def discover(paths, settings_for, default_settings=None) -> list[Target]:
    """The files to check, in a stable order: arguments in order, folders sorted inside.

    `settings_for(path)` gives the Settings (include/exclude globs) that apply to a path;
    when it raises (a broken config file), `default_settings` is used for the walk, if given,
    so that the files are still found (the runner reports the config error for them)."""
    out: list[Target] = []
    seen: set[str] = set()

    def add(target: Target) -> None:
        key = target.path if target.path == "-" else os.path.normpath(target.path)
        if key not in seen:
            seen.add(key)
            out.append(target)

    for arg in paths:
        if arg == "-":
            add(Target("-"))
            continue
        if os.path.isdir(arg):
            settings = _settings(settings_for, default_settings, arg)
            for f, problem in walk_with_errors(arg, settings.include, settings.exclude):
                add(Target(f, problem))
        elif os.path.lexists(arg) and not os.path.exists(arg):
            add(Target(arg, "broken symbolic link (or a link loop)"))
        elif not os.path.exists(arg):
            add(Target(arg, "no such file or directory"))
        else:
            add(Target(arg))
    return out


def _settings(settings_for, default_settings, folder: str):
    if default_settings is None:
        return settings_for(folder)
    from .errors import QAError
    try:
        return settings_for(folder)
    except QAError:
        return default_settings


def walk(root: str, include, exclude) -> list[str]:
    """The files under `root` matching `include` and not `exclude`, sorted by their path
    from `root`, component by component."""
    return [path for path, problem in walk_with_errors(root, include, exclude) if not problem]


def walk_with_errors(root: str, include, exclude) -> list[tuple[str, str]]:
    """(path, problem) of every file under `root` that matches, and of every folder that
    could not be listed (its problem says why), sorted like `walk`."""
    found: list[tuple[str, str]] = []
    stack = [(root, ".")]
    while stack:
        folder, rel_folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            found.append((folder, f"cannot list this folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            rel = os.path.normpath(os.path.join(rel_folder, entry.name))
            if _is_folder(entry):
                if not entry.is_symlink() and not _matches(entry.name, rel, exclude):
                    stack.append((os.path.join(folder, entry.name), rel))
            elif _matches(entry.name, rel, include) and not _matches(entry.name, rel, exclude):
                found.append((os.path.join(folder, entry.name), ""))
    return sorted(found, key=lambda item: os.path.relpath(item[0], root).split(os.sep))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()           # a link to a folder is a folder (and is not followed)
    except OSError:
        return False
