"""A small on-disk cache of derived rule data, so that a cold run does not redo it.

It holds parsed TOML of rule packs and glossaries (keyed by a checksum of the file's text),
the required literals of pack regexes (keyed by the pattern) and compiled regex programs
(qa.pattern_cache). Never findings: an entry depends only on rule data, and every key
changes with what it was derived from.

Each store is one file of marshalled plain data (dicts, lists, strings, numbers) behind a
format tag and a CRC-32 of the body: marshal reads a store in a fraction of the time JSON
takes, and a damaged or foreign file is dropped, never trusted. A store is read on first
use and written back once at exit (atomically: a temporary file, then a rename) when the
run added to it; past `limit` entries only the ones this run used are kept.

Lives in $RELEASE_QA_CACHE_DIR, else $XDG_CACHE_HOME/release-qa, else ~/.cache/release-qa;
RELEASE_QA_NO_CACHE=1 turns it off. A cache that cannot be read or written is ignored.
"""
from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib

from . import __version__

# what wrote a store: its format, marshal's version and the interpreter (a store from another
# Python is a miss, never misread)
_FORMAT = f"release-qa cache 1 {marshal.version} {sys.implementation.cache_tag}\n".encode()
_stores: dict[str, "Store"] = {}


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


class Store:
    """A dict kept in one file of the cache folder: `name` says what it holds and what it
    depends on (the file is `{name}.bin`); None when the cache is off."""

    def __init__(self, name: str, limit: int = 20_000) -> None:
        folder = cache_dir()
        self.path = os.path.join(folder, f"{name}.bin") if folder else None
        self.limit = limit
        self._data: dict | None = None
        self._used: set = set()
        self._dirty = False

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def _load(self) -> dict:
        if self._data is None:
            self._data = _read(self.path) if self.path else {}
        return self._data

    def get(self, key):
        if self.path is None:
            return None
        value = self._load().get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key, value) -> None:
        if self.path is None:
            return
        data = self._load()
        self._used.add(key)
        if data.get(key) != value and _storable(value):
            data[key] = value
            if not self._dirty:
                self._dirty = True
                atexit.register(self.save)

    def forget(self, key) -> None:
        if self._data is not None:
            self._data.pop(key, None)
            self._used.discard(key)

    def save(self) -> None:
        if not (self._dirty and self.path):
            return
        self._dirty = False
        data = self._data or {}
        if len(data) > self.limit:
            data = {k: v for k, v in data.items() if k in self._used}
        _write(self.path, data)


def _storable(value) -> bool:
    """marshal holds plain data only (a TOML date, say, is not)."""
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def _read(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return {}
    head = len(_FORMAT) + 4
    body = raw[head:]
    if not raw.startswith(_FORMAT) or raw[len(_FORMAT):head] != zlib.crc32(body).to_bytes(4, "big"):
        return {}
    try:
        data = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: str, data: dict) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        body = marshal.dumps(data)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(_FORMAT + zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(tmp, path)
    except (OSError, ValueError):     # unwritable folder; a value marshal cannot hold
        try:
            os.unlink(tmp)
        except OSError:
            pass


def get_cache(name: str) -> Store:
    """The store of release-qa's own derived data called `name` (versioned with release-qa
    and the interpreter, so that two Pythons sharing the folder do not overwrite each other)."""
    return get_store(f"{name}-{__version__}-{sys.implementation.cache_tag}")


def get_store(name: str, limit: int = 20_000) -> Store:
    if name not in _stores:
        _stores[name] = Store(name, limit)
    return _stores[name]
