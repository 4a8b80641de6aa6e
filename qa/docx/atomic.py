"""Atomic file writes: a temporary file in the target's folder, fsync, then rename over it."""
from __future__ import annotations

import os
import stat
import tempfile


def write_atomic(path: str | os.PathLike[str], data: bytes, mode_from: str | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    The new file takes the permission bits of ``mode_from`` (when given and present), else of
    the file it replaces, else 0o644 less the umask.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    mode = None
    for candidate in (mode_from, path):
        if candidate:
            try:
                mode = stat.S_IMODE(os.stat(candidate).st_mode)
                break
            except OSError:
                continue
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o644 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
