"""Atomic file writes, shared by every command that writes a file (``--fix`` of text and Word
documents, ``--annotate`` copies, baselines): a temporary file in the target's folder, fsync,
then a rename over the target.

``write_atomic`` writes a file so that readers see the old one or the new one, never a part.
``replace_checked`` replaces a checked file in place under the rules ``--fix`` keeps: the file
must still hold the bytes the fixes were made on, must have a write permission bit and a single
hard link; just before the rename its size, mtime, inode and content are checked again, and just
after it the replaced file is checked through a descriptor kept open, so that another program's
write in between is reported (``WriteRaced``), never lost in silence. The temporary file is
removed on any failure, an interrupt included. Nothing here imports the rest of qa.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from typing import BinaryIO

TEMP_PREFIX = ".rqa-"       # '.rqa-XXXXXXXX.tmp': short, whatever the length of the file's name


class WriteRefused(Exception):
    """A file that was not replaced; the message says why in one line (the file is untouched)."""


class WriteRaced(WriteRefused):
    """Another program wrote to the file in the instant it was replaced: the new content is in
    the file and that program's write is lost. An error, not a warning."""


def write_atomic(path: str | os.PathLike[str], data: bytes, mode_from: str | None = None,
                 before_rename: Callable[[], None] | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    The new file takes the permission bits of ``mode_from`` (when given and present), else of
    the file it replaces (whose owner it also keeps), else 0o644 less the umask.
    ``before_rename`` is called last thing before the rename (it may raise to stop it). On any
    failure (an interrupt or SIGTERM included) the temporary file is removed and the target is
    untouched.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    mode = None
    replaced = None             # the file replaced: its owner is kept
    for candidate in (mode_from, path):
        if candidate:
            try:
                st = os.stat(candidate)
            except OSError:
                continue
            mode = stat.S_IMODE(st.st_mode)
            replaced = st if candidate == path else None
            break
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o644 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if replaced is not None:
            _keep_owner(tmp, replaced)
        if before_rename is not None:
            before_rename()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def replace_checked(path: str | os.PathLike[str], expected: bytes, data: bytes, *,
                    kind: str = "text", stale_note: str = "") -> None:
    """Replace the file at ``path`` (a symbolic link is followed), which must still hold
    ``expected``, with ``data`` (see the module docstring). WriteRefused says why it was left
    alone, WriteRaced that a write by another program was lost while it was replaced. ``kind``
    names the content in the messages ("text", "document"); ``stale_note`` is added to the
    message for a file that no longer holds ``expected``."""
    real = os.path.realpath(os.fspath(path))
    try:
        fh = open(real, "rb", buffering=0, opener=_open_nonblocking)
    except OSError as exc:
        raise WriteRefused(f"cannot read it again: {exc.strerror or exc}") from None
    with fh:
        try:
            st = os.fstat(fh.fileno())
            on_disk = _read_at_most(fh, len(expected) + 1) if stat.S_ISREG(st.st_mode) else None
        except OSError as exc:
            raise WriteRefused(f"cannot read it again: {exc.strerror or exc}") from None
        if on_disk != expected:
            raise WriteRefused(f"changed on disk since it was read{stale_note}; not fixed")
        if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
            raise WriteRefused(f"file is read-only (mode {stat.S_IMODE(st.st_mode):04o}); not fixed")
        if st.st_nlink > 1:
            raise WriteRefused(f"file has {st.st_nlink} hard links, which replacing it would split "
                               f"(the other names would keep the old {kind}); not fixed")
        digest = _digest(expected)

        def same(now: os.stat_result) -> bool:
            return ((now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns)
                    == (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
                    and _digest(_read_at_most(fh, st.st_size + 1)) == digest)

        def before_rename() -> None:
            try:
                unchanged = same(os.stat(real))    # same inode: the content read is the path's
            except OSError:
                unchanged = False
            if not unchanged:
                raise WriteRefused("changed on disk while it was being fixed; not fixed (the other "
                                   "program's version is kept)")
        try:
            write_atomic(real, data, before_rename=before_rename)
        except WriteRefused:
            raise
        except OSError as exc:
            raise WriteRefused(f"cannot write it: {exc.strerror or exc}; the file is unchanged") from None
        try:
            unchanged = same(os.fstat(fh.fileno()))
        except OSError:
            unchanged = False
        if not unchanged:
            raise WriteRaced(f"another program wrote to it while --fix replaced it: the fixed {kind} "
                             "is in the file and that program's write is lost")


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes from the start of an unbuffered binary file."""
    fh.seek(0)
    parts, total = [], 0
    while total < limit:
        part = fh.read(limit - total)
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):
            now = os.stat(tmp)
            if (st.st_uid, st.st_gid) != (now.st_uid, now.st_gid):
                os.chown(tmp, st.st_uid, st.st_gid)


def _fsync_folder(folder: str) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
