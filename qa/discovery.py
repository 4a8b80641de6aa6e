"""Expanding the paths on the command line into the files to check.

Folders are walked recursively (symbolic links to folders are not followed, so a link loop
cannot trap the walk), keeping files that match the include globs and skipping anything
matching an exclude glob. A file named explicitly is always checked. `-` stands for stdin.
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


def discover(paths, settings_for) -> list[Target]:
    """The files to check, in a stable order: arguments in order, folders sorted inside.

    `settings_for(path)` gives the Settings (include/exclude globs) that apply to a path.
    """
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
            settings = settings_for(arg)
            for f in walk(arg, settings.include, settings.exclude):
                add(Target(f))
        elif os.path.lexists(arg) and not os.path.exists(arg):
            add(Target(arg, "broken symbolic link (or a link loop)"))
        elif not os.path.exists(arg):
            add(Target(arg, "no such file or directory"))
        else:
            add(Target(arg))
    return out


def walk(root: str, include, exclude) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = sorted(d for d in dirs
                         if not _matches(d, os.path.normpath(os.path.join(rel_folder, d)), exclude))
        for name in sorted(files):
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if _matches(name, rel, include) and not _matches(name, rel, exclude):
                found.append(os.path.join(folder, name))
    return sorted(found, key=lambda p: os.path.relpath(p, root).split(os.sep))
