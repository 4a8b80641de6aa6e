"""Pairing: which Chinese original an English release is checked against.

The first rule that finds a source wins:

1. `--source FILE` names the source of the one release being checked;
2. beside the release: `NAME.EXT` or `NAME.en.EXT` pairs with `NAME.zh.X` in the same folder
   (`X` any suffix a source may have, the release's own first; `.zh-CN`, `.zh_Hans` ... count
   as `.zh`, and `.en-GB` ... as `.en`);
3. the config's `source-dir` (a folder relative to the config file): for a release whose path
   from the config's folder is `a/b/NAME.EXT`, the first of `SD/a/b/NAME.EXT`, `SD/b/NAME.EXT`,
   `SD/NAME.EXT` that exists is its source (each also as `NAME.zh.X`), so both a mirrored tree
   and a flat folder of originals work.

Files named `NAME.zh.EXT`, and files inside a configured source folder, are sources: they are
never checked as English (`english_targets`). Folder listings are read once per folder and
indexed by name stem, so pairing a folder of N releases costs N look-ups, not N listings.
Nothing here reads a file's content; `qa.bilingual.loading` does.
"""
from __future__ import annotations

import os
import re

from .._speed.records import record
from .._speed.regex import re_compile
from ..errors import UsageError

# Suffixes a Chinese source may have, each with a reader in qa.bilingual.loading.SOURCE_READERS.
# Word files (NAME.zh.docx) are read by qa.docx through qa.source, like .docx releases.
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".docx")
BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".tmx")     # files that carry their own source

_TAG = r"(?:[-_][A-Za-z0-9]{2,8})*"
_SOURCE_NAME = re_compile(r"(.+?)\.zh" + _TAG + r"(\.[^.]+)$", re.IGNORECASE)
_ENGLISH_TAG = re_compile(r"\.en" + _TAG + r"$", re.IGNORECASE)


@record(frozen=True)
class Pairing:
    """The source found for one release: its path as shown, how it was found, and a problem
    that stops it being read ('' when none)."""

    path: str
    how: str                # "--source", "beside" or "source-dir"
    problem: str = ""


def split_source_name(name: str) -> tuple[str, str] | None:
    """(stem, suffix) of a file name of the form `STEM.zh.EXT` (`STEM.zh-CN.EXT` ...), else None."""
    m = _SOURCE_NAME.fullmatch(name)
    return (m.group(1), m.group(2)) if m else None


def english_stem(name: str) -> tuple[str, str]:
    """(stem, suffix) of a release's file name, a language tag `.en` (`.en-GB` ...) dropped."""
    stem, suffix = os.path.splitext(name)
    return _ENGLISH_TAG.sub("", stem) or stem, suffix


def shown_path(path: str) -> str:
    """An absolute path inside the working folder as a relative one (as paths are shown)."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            return path
        if not rel.startswith(os.pardir):
            return rel
    return path


def in_source_dir(path: str, settings) -> bool:
    """True when `path` lies inside the configured `source-dir` of its settings."""
    folder = getattr(settings, "source_dir", None)
    if not folder or path == "-":
        return False
    return os.path.abspath(path).startswith(folder.rstrip(os.sep) + os.sep)


class _Folder:
    """One folder's file names: all of them, and the sources (`STEM.zh.X`) by stem."""

    __slots__ = ("names", "sources")

    def __init__(self, folder: str) -> None:
        self.names: set[str] = set()
        self.sources: dict[str, list[str]] = {}
        try:
            with os.scandir(folder or ".") as entries:
                for entry in entries:
                    self.names.add(entry.name)
                    split = split_source_name(entry.name)
                    if split and split[1].lower() in SOURCE_SUFFIXES:
                        self.sources.setdefault(split[0], []).append(entry.name)
        except OSError:
            pass


class Pairer:
    """Finds the source of each release of a run; caches folder listings and answers."""

    def __init__(self, explicit: str | None = None) -> None:
        self.explicit = explicit
        self._folders: dict[str, _Folder] = {}
        self._found: dict[str, Pairing | None] = {}

    def _folder(self, folder: str) -> _Folder:
        found = self._folders.get(folder)
        if found is None:
            found = self._folders[folder] = _Folder(folder)
        return found

    def source_for(self, path: str, settings) -> Pairing | None:
        """The source of the release at `path` (as shown; `-` is stdin), or None."""
        if path in self._found:
            return self._found[path]
        found = self._find(path, settings)
        self._found[path] = found
        return found

    def _find(self, path: str, settings) -> Pairing | None:
        if path.lower().endswith(BILINGUAL_SUFFIXES):
            return None                 # XLIFF, TMX: the file holds its own source
        if self.explicit is not None:
            if not os.path.isfile(self.explicit):
                why = "no such file" if not os.path.lexists(self.explicit) else "not a regular file"
                return Pairing(self.explicit, "--source", f"--source {self.explicit}: {why}")
            return Pairing(self.explicit, "--source")
        if path == "-":
            return None
        folder, name = os.path.split(path)
        stem, suffix = english_stem(name)
        beside = self._choose(folder, self._folder(folder).sources.get(stem, ()), suffix)
        if beside is not None:
            return beside
        return self._in_source_dir(path, stem, suffix, settings)

    def _choose(self, folder: str, names, suffix: str, how: str = "beside") -> Pairing | None:
        if not names:
            return None
        same = [n for n in names if n.lower().endswith(suffix.lower())] if suffix else []
        pick = same if len(same) == 1 else list(names)
        if len(pick) > 1:
            listed = ", ".join(sorted(pick))
            return Pairing(shown_path(os.path.join(folder, sorted(pick)[0])), how,
                           f"several Chinese sources could be this release's ({listed}); "
                           "keep one, or name it with --source")
        return Pairing(shown_path(os.path.join(folder, pick[0])), how)

    def _in_source_dir(self, path: str, stem: str, suffix: str, settings) -> Pairing | None:
        root = getattr(settings, "source_dir", None)
        if not root or in_source_dir(path, settings):
            return None
        rel = os.path.relpath(os.path.abspath(path), settings.root)
        parts = rel.split(os.sep) if not rel.startswith(os.pardir) else [os.path.basename(path)]
        for i in range(len(parts)):
            folder = os.path.join(root, *parts[i:-1])
            listing = self._folder(folder)
            if stem + suffix in listing.names and os.path.isfile(os.path.join(folder, stem + suffix)):
                return Pairing(shown_path(os.path.join(folder, stem + suffix)), "source-dir")
            found = self._choose(folder, listing.sources.get(stem, ()), suffix, "source-dir")
            if found is not None:
                return found
        return None

    def english_targets(self, found, paths, settings_for, skipped: list, notes: dict) -> list:
        """The targets to check as English: Chinese sources (`NAME.zh.EXT`, files in a
        source folder) left out, each listed in `skipped` (for --verbose) and, for those named
        on the command line, said once in `notes`. `--source` with more than one release
        is a usage error."""
        named = {os.path.normpath(p) for p in paths if p != "-" and not os.path.isdir(p)}
        out, named_sources = [], 0
        for t in found:
            why = ""
            if t.is_source:
                why = "a Chinese source (NAME.zh.EXT), not checked as English"
            elif not t.missing and t.path != "-" and in_source_dir(t.path, _settings(settings_for, t.path)):
                why = "in the configured source-dir (Chinese originals), not checked as English"
            if not why:
                out.append(t)
                continue
            skipped.append((t.path, why))
            named_sources += os.path.normpath(t.path) in named
        if named_sources:
            what = "a Chinese source" if named_sources == 1 else f"{named_sources} Chinese sources"
            notes.setdefault(f"{what} named on the command line (NAME.zh.EXT, or in source-dir) "
                             "not checked as English: each is the original its English release "
                             "(NAME.EXT) is compared with; -v lists them", None)
        if self.explicit is not None and len(out) > 1:
            raise UsageError(f"--source {self.explicit} names the source of one release, but "
                             f"{len(out)} are being checked; check them one at a time, or pair "
                             "them by name (NAME.zh.EXT beside NAME.EXT)")
        if self.explicit is not None and out and out[0].path.lower().endswith(BILINGUAL_SUFFIXES):
            raise UsageError(f"--source {self.explicit}: {out[0].path} holds its own source "
                             "(XLIFF and TMX files carry both sides); leave --source out")
        self._note_missing_extra(out, settings_for, notes)
        return out

    def _note_missing_extra(self, targets, settings_for, notes: dict) -> None:
        """Once per run, before any work: sources will be met, and the zh extra is missing."""
        from .extra import ZH_EXTRA_NOTE, zh_extra_missing
        if ZH_EXTRA_NOTE in notes:
            return
        for t in targets:
            if t.missing:
                continue
            if t.path.lower().endswith(BILINGUAL_SUFFIXES) or self.source_for(
                    t.path, _settings(settings_for, t.path)) is not None:
                if zh_extra_missing():
                    notes.setdefault(ZH_EXTRA_NOTE, None)
                return


def _settings(settings_for, path: str):
    from ..errors import QAError
    try:
        return settings_for(path)
    except QAError:
        return None
