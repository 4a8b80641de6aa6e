"""Expanding the paths on the command line into the files to check.

Folders are walked with an explicit stack, not recursion, so a tree thousands of levels deep
is walked like any other; symbolic links to folders are not followed (a link loop cannot
trap the walk). A file found in a folder is checked when an include glob matches it and no
exclude glob does, git would not ignore it (`.gitignore` files and `.git/info/exclude` inside
a repository, `.ignore` files anywhere under the folder walked; see `IgnoreLayers`), and it
is not a project file that is clearly not a release (a licence, a README, a changelog, a
requirements or lock file: see `not_a_release`). Whatever the files are (a FIFO or device
named `x.txt` included) the reader decides whether they can be read, so each is reported on
its own line. A folder that cannot be listed is reported as that folder's error and the walk
goes on. A file named on the command line is checked as given unless `force_exclude` asks
for the same filters as a walk (pre-commit and CI pass every file by name); `-` stands for
stdin. A file named `NAME.zh.EXT` is a Chinese source: it is returned marked `is_source`,
for bilingual mode to pair, and never checked as English.
"""
from __future__ import annotations

import fnmatch
import os
import re
import stat
from functools import lru_cache

from ._speed.records import record
from ._speed.regex import re_compile

IGNORE_FILES = (".gitignore", ".ignore")    # per folder; the later one wins on a conflict
MAX_IGNORE_BYTES = 1024 * 1024

_CHINESE_SOURCE = re_compile(r"\.zh(?:[-_][A-Za-z0-9]{2,8})*\.[^.]+$", re.IGNORECASE)
# (pattern on the file name, why it is not a release). Names in capitals are the conventions
# of software projects; only the unambiguous ones are also matched in lower case.
_TAIL = r"(?:[-_][A-Za-z0-9]{1,12})?(?:\.[A-Za-z0-9]{1,10})*"    # -MIT, _en, .txt, .md.in
_NOT_RELEASES = (
    (re_compile(r"(?i:(?:un)?licen[cs]e|copying|copyright)" + _TAIL), "a licence"),
    (re_compile(r"(?i:readme)" + _TAIL), "a README"),
    (re_compile(r"(?:(?i:changelog|change_log|release[-_]notes)|CHANGES|HISTORY|NEWS)" + _TAIL),
     "a changelog"),
    (re_compile(r"(?i:(?:requirements|constraints)(?:[-_.][^/]*)?\.(?:txt|in)|.*\.lock|.*-lock\.[^.]+)"),
     "a requirements or lock file"),
    (re_compile(r"(?:(?i:contributing|code[-_]of[-_]conduct)|SECURITY|SUPPORT|GOVERNANCE|AUTHORS"
                r"|CONTRIBUTORS|MAINTAINERS|NOTICE|THANKS|TODO|INSTALL|CODEOWNERS)" + _TAIL),
     "a project file"),
    (re_compile(r"(?i:cmakelists\.txt|robots\.txt|humans\.txt|ads\.txt|security\.txt|llms\.txt)"),
     "a tool's file, not prose"),
    (re_compile(r"~\$.*"), "a Word lock file (~$NAME, kept while a document is open)"),
)


@record(frozen=True)
class Target:
    path: str               # the path as shown to the user
    missing: str = ""       # why it cannot be checked (reported as an input error)
    is_source: bool = False  # a Chinese source (NAME.zh.EXT): never checked as English


def is_chinese_source(path: str) -> bool:
    """True for `NAME.zh.EXT` (also `NAME.zh-CN.EXT`, `NAME.zh_Hans.EXT`)."""
    return bool(_CHINESE_SOURCE.search(os.path.basename(path)))


def not_a_release(name: str, rel: str = "") -> str:
    """Why a file of this name is clearly not a release ('a licence', ...), or ''. `rel` is
    its path from the folder walked, with '/' separators: files in a `requirements/` folder
    are requirements too."""
    for pattern, why in _NOT_RELEASES:
        if pattern.fullmatch(name):
            return why
    if "/" in rel and rel.rsplit("/", 2)[-2].lower() == "requirements" and name.endswith((".txt", ".in")):
        return "a requirements or lock file"
    return ""


def _matches(name: str, rels, globs) -> bool:
    return any(fnmatch.fnmatch(name, g) or any(fnmatch.fnmatch(r, g) for r in rels) for g in globs)


def _from_root(path: str, root: str | None) -> str | None:
    """`path` relative to the config's folder, with '/', when it lies inside it."""
    if not root:
        return None
    rel = os.path.relpath(os.path.abspath(path), root)
    return None if rel.startswith("..") else rel.replace(os.sep, "/")


def _read_small(path: str) -> str | None:
    """A small regular file's text, or None (missing, not a regular file, too big): a FIFO
    named `.gitignore` is never opened for a blocking read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_IGNORE_BYTES:
            return None
        data = os.read(fd, MAX_IGNORE_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data.decode("utf-8", "replace")


def repository_root(folder: str) -> str | None:
    """The nearest folder at or above `folder` holding `.git` (a folder, or a worktree's file)."""
    current = os.path.abspath(folder)
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class IgnoreLayers:
    """The ignore files that apply in one folder, lowest priority first, as git reads them:
    `.git/info/exclude`, then `.gitignore` and `.ignore` of each folder from the repository
    root down (a deeper file overrides a higher one, `!pattern` re-includes). Outside a git
    repository only `.ignore` files count, from the folder walked down, as ripgrep and ruff
    do. git's global excludes file is not read: a run finds the same files on every machine.
    """

    def __init__(self, layers: tuple = (), in_repo: bool = False) -> None:
        self.layers = layers            # ((folder, GitIgnoreSpec, file name), ...)
        self.in_repo = in_repo

    @classmethod
    def for_walk(cls, folder: str) -> IgnoreLayers:
        """The layers of the folders above `folder` (its own are added by `entering`)."""
        folder = os.path.abspath(folder)
        repo = repository_root(folder)
        out = cls((), repo is not None)
        if repo is None:
            return out
        out = out._with(repo, os.path.join(repo, ".git", "info", "exclude"))
        current, below = repo, os.path.relpath(folder, repo)
        for part in ([] if below == "." else below.split(os.sep)):
            out = out.entering(current)
            current = os.path.join(current, part)
        return out

    def _with(self, folder: str, path: str) -> IgnoreLayers:
        text = _read_small(path)
        if not text:
            return self
        from pathspec import GitIgnoreSpec
        spec = GitIgnoreSpec.from_lines(text.splitlines())
        if not spec.patterns:
            return self
        return IgnoreLayers(self.layers + ((folder, spec, path),), self.in_repo)

    def entering(self, folder: str) -> IgnoreLayers:
        """These layers plus the ignore files of `folder` itself (an absolute path)."""
        out = self
        for name in IGNORE_FILES:
            if name == ".gitignore" and not self.in_repo:
                continue
            out = out._with(folder, os.path.join(folder, name))
        return out

    def ignored_by(self, path: str, is_dir: bool) -> str:
        """The ignore file that excludes `path` (absolute), or ''."""
        verdict, by = None, ""
        for folder, spec, source in self.layers:
            prefix = folder.rstrip(os.sep) + os.sep
            if not path.startswith(prefix):
                continue
            rel = path[len(prefix):].replace(os.sep, "/") + ("/" if is_dir else "")
            include = spec.check_file(rel).include
            if include is not None:
                verdict, by = include, source
        return by if verdict else ""


def discover(paths, settings_for, default_settings=None, skipped: list | None = None) -> list[Target]:
    """The files to check, in a stable order: arguments in order, folders sorted inside.

    `settings_for(path)` gives the Settings (include/exclude globs, respect_gitignore,
    force_exclude) that apply to a path; when it raises (a broken config file),
    `default_settings` is used, if given, so that the files are still found (the runner
    reports the config error for them). Each file or folder left out for a reason a user may
    want to know is appended to `skipped` as (path, reason)."""
    out: list[Target] = []
    seen: set[str] = set()
    skipped = skipped if skipped is not None else []

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
            for f, problem in walk_with_errors(arg, settings.include, settings.exclude,
                                               settings.respect_gitignore, skipped, settings.root):
                add(Target(f, problem, not problem and is_chinese_source(f)))
        elif os.path.lexists(arg) and not os.path.exists(arg):
            add(Target(arg, "broken symbolic link (or a link loop)"))
        elif not os.path.exists(arg):
            add(Target(arg, "no such file or directory"))
        else:
            settings = _settings(settings_for, default_settings, arg)
            why = _forced_out(arg, settings) if settings.force_exclude else ""
            if why:
                skipped.append((arg, why))
            else:
                add(Target(arg, "", is_chinese_source(arg)))
    return out


def _forced_out(path: str, settings) -> str:
    """Why a file named on the command line is left out under force-exclude, or ''."""
    name = os.path.basename(path)
    root_rel = _from_root(path, settings.root)
    rels = [r for r in (root_rel, os.path.normpath(path).replace(os.sep, "/")) if r]
    parts = os.path.normpath(path).replace(os.sep, "/").split("/")
    for i, part in enumerate(parts[:-1]):    # a file inside an excluded folder is excluded
        if part not in (".", "..") and _matches(part, ["/".join(parts[:i + 1])], settings.exclude):
            return f"in the excluded folder '{part}'"
    if _matches(name, rels, settings.exclude):
        return "matches an exclude glob"
    why = not_a_release(name, "/".join(parts))
    if why:
        return f"{why}, not a release"
    if settings.respect_gitignore:
        abs_path = os.path.abspath(path)
        by = _layers_of(os.path.dirname(abs_path)).ignored_by(abs_path, False)
        if by:
            return f"ignored by {by}"
    return ""


@lru_cache(maxsize=1024)
def _layers_of(folder: str) -> IgnoreLayers:
    """The ignore layers in force in `folder` (pre-commit passes many files of one folder:
    its ignore files are read once per run)."""
    return IgnoreLayers.for_walk(folder).entering(folder)


def _settings(settings_for, default_settings, folder: str):
    if default_settings is None:
        return settings_for(folder)
    from .errors import QAError
    try:
        return settings_for(folder)
    except QAError:
        return default_settings


def walk(root: str, include, exclude, respect_gitignore: bool = False) -> list[str]:
    """The files under `root` matching `include` and not `exclude`, sorted by their path
    from `root`, component by component."""
    return [path for path, problem in walk_with_errors(root, include, exclude, respect_gitignore)
            if not problem]


def walk_with_errors(root: str, include, exclude, respect_gitignore: bool = False,
                     skipped: list | None = None, config_root: str | None = None) -> list[tuple[str, str]]:
    """(path, problem) of every file under `root` that is kept, and of every folder that
    could not be listed (its problem says why), sorted like `walk`. Files and folders left
    out by an ignore file, and files that are not releases, go to `skipped` with the reason;
    folders excluded by the built-in or configured globs are left out silently."""
    mine: list[tuple[str, str]] = []
    found: list[tuple[str, str]] = []
    abs_root = os.path.abspath(root)
    layers = IgnoreLayers.for_walk(abs_root) if respect_gitignore else None
    if layers is not None:
        by = layers.ignored_by(abs_root, True) if abs_root != repository_root(abs_root) else ""
        if by:      # named on the command line: walked, but its files are ignored as git would
            mine.append((root, f"this folder is ignored by {by} (--no-respect-gitignore checks it)"))
    stack = [(root, ".", abs_root, layers)]
    while stack:
        folder, rel_folder, abs_folder, layers = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            found.append((folder, f"cannot list this folder: {exc.strerror or exc}"))
            continue
        if layers is not None:
            layers = layers.entering(abs_folder)
        for entry in entries:
            rel = os.path.normpath(os.path.join(rel_folder, entry.name))
            # `release-qa check .` shows releases/a.txt, not ./releases/a.txt (as ruff does)
            path = entry.name if folder == os.curdir else os.path.join(folder, entry.name)
            rels = [rel.replace(os.sep, "/")]
            from_root = _from_root(path, config_root)
            if from_root:
                rels.append(from_root)
            abs_path = os.path.join(abs_folder, entry.name)
            if _is_folder(entry):
                if entry.is_symlink() or _matches(entry.name, rels, exclude):
                    continue
                by = layers.ignored_by(abs_path, True) if layers is not None else ""
                if by:
                    mine.append((path + os.sep, f"ignored by {by}"))
                elif entry.name.startswith("."):
                    mine.append((path + os.sep, "a hidden folder, not releases"))
                else:
                    stack.append((path, rel, abs_path, layers))
                continue
            if not _matches(entry.name, rels, include) or _matches(entry.name, rels, exclude):
                continue
            by = layers.ignored_by(abs_path, False) if layers is not None else ""
            why = f"ignored by {by}" if by else not_a_release(entry.name, rels[0])
            if why and not by:
                why = f"{why}, not a release"
            elif not why and entry.name.startswith("."):
                why = "a hidden file, not a release"
            if why:
                mine.append((path, why))
            else:
                found.append((path, ""))
    def key(item: tuple[str, str]) -> list[str]:
        return os.path.relpath(item[0], root).split(os.sep)
    if skipped is not None:
        skipped.extend(sorted(mine, key=key))
    return sorted(found, key=key)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()           # a link to a folder is a folder (and is not followed)
    except OSError:
        return False
