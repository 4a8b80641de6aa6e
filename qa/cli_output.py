"""What the command line writes besides the report: help layout, one-line messages on stderr,
progress on a terminal, colour decisions, output files, and SIGTERM handling during a run.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from .errors import QAError, Terminated

PROGRESS_AFTER = 1.0        # seconds: a run shorter than this never shows progress
PROGRESS_EVERY = 0.2        # seconds between two updates of the progress line


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help layout (descriptions and epilogs kept as written), with the terminal
    width found without importing shutil (and bz2, lzma and fnmatch with it): argparse makes a
    formatter for every option it adds."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 30,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_width() if width is None else width)


def terminal_width() -> int:
    """The width help is wrapped to, as shutil.get_terminal_size finds it: $COLUMNS, else
    the terminal's, else 80 (argparse keeps two columns free)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


def use_color(choice: str, stream) -> bool:
    """Colour only on a terminal (or when forced); NO_COLOR and TERM=dumb turn it off."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def stderr_line(kind: str, message: str) -> None:
    """One line on stderr: spaces squeezed, control characters (from file names or release
    text) escaped, so that no name can move the cursor, recolour the terminal or start a
    GitHub workflow command on a line of its own."""
    from .formatters.safe_text import shown
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"release-qa: {kind}{' '.join(shown(message).split())}\n")
    except (OSError, ValueError):
        pass


def error(message: str) -> None:
    stderr_line("error: ", message)


def warning(message: str) -> None:
    stderr_line("warning: ", message)


def write_file(path: str, emit) -> None:
    """Write one output file: `emit(stream)` writes the format to it ($GITHUB_STEP_SUMMARY is
    appended to, as GitHub expects)."""
    try:
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        with open(path, "a" if path == os.environ.get("GITHUB_STEP_SUMMARY") else "w",
                  encoding="utf-8", errors="backslashreplace") as fh:
            emit(fh)
    except OSError as exc:
        raise QAError(f"cannot write output: {exc.strerror or exc}", path) from None


def progress_printer(stream=None, clock=time.monotonic):
    """A progress callback `show(done, total)` writing one self-erasing line to stderr on an
    interactive terminal (never in CI, pipes or files). A run is shown only once it has taken
    PROGRESS_AFTER seconds, then at most every PROGRESS_EVERY seconds, so short runs and
    pre-commit hooks print nothing; the line is erased when the last file is done."""
    stream = sys.stderr if stream is None else stream
    if stream is None or not getattr(stream, "isatty", lambda: False)() or os.environ.get("CI"):
        return None
    started = clock()
    state = {"next": started + PROGRESS_AFTER, "shown": False}

    def show(done: int, total: int) -> None:
        now = clock()
        try:
            if done >= total:
                if state["shown"]:
                    stream.write("\r\x1b[K")
                    stream.flush()
                    state["shown"] = False
                return
            if now < state["next"]:
                return
            state["next"] = now + PROGRESS_EVERY
            state["shown"] = True
            stream.write(f"\r\x1b[Kchecked {done}/{total} files ({100 * done // max(total, 1)}%), "
                         f"{now - started:.0f} s")
            stream.flush()
        except (OSError, ValueError):
            pass
    return show


class TerminateOnSigterm:
    """While a check runs, SIGTERM raises Terminated (a KeyboardInterrupt to the code it
    interrupts), so that every `finally` runs: forked workers are stopped and a half-written
    temporary file of --fix is removed. The previous handler comes back afterwards."""

    def __enter__(self):
        import os
        import signal
        self.previous = None
        _OWNER[0] = os.getpid()
        try:
            self.previous = signal.signal(signal.SIGTERM, _raise_terminated)
        except (ValueError, OSError):       # not the main thread: leave signals alone
            pass
        return self

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            import signal
            signal.signal(signal.SIGTERM, self.previous)


_OWNER = [0]     # the process that installed the handler


def _raise_terminated(signum, frame) -> None:
    import os
    if os.getpid() != _OWNER[0]:
        # A worker forked a moment ago, before it could restore the default handler (the
        # signal can land inside the interpreter's own after-fork hooks): it leaves quietly,
        # and the parent reports the one error line.
        os._exit(128 + signum)
    raise Terminated(signum)
