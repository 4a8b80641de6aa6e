"""A small on-disk cache of derived rule data, so that a cold run does not redo it.

It holds parsed TOML of rule packs and glossaries (keyed by a checksum of the file's text)
and the required literals of pack regexes (keyed by the pattern). Never findings: a cache
entry depends only on rule data, and every key changes with what it was derived from.
Lives in $RELEASE_QA_CACHE_DIR, else $XDG_CACHE_HOME/release-qa, else ~/.cache/release-qa;
RELEASE_QA_NO_CACHE=1 turns it off. A cache that cannot be read or written is ignored.
"""
from __future__ import annotations

import atexit
import json
import os
import zlib

from . import __version__

_caches: dict[str, "JsonCache"] = {}


def cache_dir() -> str | None:
    if os.environ.get("RELEASE_QA_NO_CACHE"):
        return None
    explicit = os.environ.get("RELEASE_QA_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "release-qa")


def checksum(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return f"{len(data)}-{zlib.crc32(data):08x}-{zlib.adler32(data):08x}"


class JsonCache:
    """A JSON object on disk, read on first use and written back once at exit if changed."""

    def __init__(self, name: str) -> None:
        folder = cache_dir()
        self.path = os.path.join(folder, f"{name}-{__version__}.json") if folder else None
        self._data: dict | None = None
        self._dirty = False

    def _load(self) -> dict:
        if self._data is None:
            self._data = {}
            if self.path:
                try:
                    with open(self.path, encoding="utf-8") as fh:
                        loaded = json.load(fh)
                    if isinstance(loaded, dict):
                        self._data = loaded
                except (OSError, ValueError):
                    pass
        return self._data

    def get(self, key: str):
        return self._load().get(key)

    def put(self, key: str, value) -> None:
        if not self.path:
            return
        data = self._load()
        if data.get(key) != value:
            data[key] = value
            if not self._dirty:
                self._dirty = True
                atexit.register(self.save)

    def save(self) -> None:
        if not (self._dirty and self.path):
            return
        self._dirty = False
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(self._data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path)
        except (OSError, TypeError, ValueError):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def get_cache(name: str) -> JsonCache:
    if name not in _caches:
        _caches[name] = JsonCache(name)
    return _caches[name]
