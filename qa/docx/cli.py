"""Word documents on the command line: `--annotate DIR` and the .docx side of `--fix`/`--diff`.

`--annotate DIR` writes, for every Word document checked, a reviewed copy in DIR in which each
finding of the report (those at or above `--min-severity`, after any baseline) is a Word
comment anchored on its exact span: author "release-qa", text the rule code, the severity,
the message, what to write instead and, in bilingual mode, the Chinese it is about. A file
named on the command line goes to DIR/NAME.docx; one found in a folder named on the command
line keeps its path below that folder (DIR/2024/NAME.docx), so equal names in different
folders do not clash; two inputs that still land on one copy are the second one's error.
Originals are never changed: DIR may not be the folder of a document checked (a usage
error), no copy may replace a file being checked, documents inside DIR are not copied again,
and a document changed since it was checked gets no copy (its error).

`fix_document` fixes one checked .docx in passes inside its runs (qa.docx.fixing), with the
command line's own fix selection and tidying, and `write_document` replaces it under the
same atomic-write and race rules as every fixed file (qa.atomic_write.replace_checked).
This module is the glue between qa.docx and the command line; qa.cli_fix calls it.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .source import DOCX_MAX_BYTES

AUTHOR = "release-qa"


def add_arguments(group: Any) -> None:
    group.add_argument("--annotate", metavar="DIR",
                       help="copies of .docx files with findings as comments")


def validate(args: Any) -> None:
    """Refuse a bad `--annotate DIR` before any work (a usage error, one line)."""
    out = getattr(args, "annotate", None)
    if out is None:
        return
    from ..errors import UsageError
    if getattr(args, "diff", False):
        raise UsageError("--diff writes nothing: it cannot be combined with --annotate")
    if not out:
        raise UsageError("--annotate needs a folder for the reviewed copies")
    if os.path.lexists(out) and not os.path.isdir(out):
        raise UsageError(f"--annotate {out}: exists and is not a folder")
    for path in args.paths:
        if path == "-" or not (os.path.isdir(path) or path.lower().endswith(".docx")):
            continue
        folder = path if os.path.isdir(path) else os.path.dirname(path) or os.curdir
        if _same_folder(folder, out):
            what = "the folder checked" if os.path.isdir(path) else f"the folder of {path}"
            raise UsageError(f"--annotate {out}: that is {what}; reviewed copies go to another "
                             "folder, so that no original is replaced")


def _same_folder(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def comment_text(finding: Any) -> str:
    """A finding as a Word comment: code, severity and message; what to write instead; the
    source span in bilingual mode (one paragraph, lines broken where they are)."""
    lines = [f"{finding.rule} ({finding.severity}): {finding.message}"]
    if finding.suggestion:
        lines.append(f"Write instead: {finding.suggestion}")
    source = getattr(finding, "source", None)
    if source is not None:
        lines.append(f"Source: {source.text} ({finding.source_path}:{source.line}:{source.column})")
    return "\n".join(lines)


def destination(path: str, paths: list[str], out: str) -> str:
    """Where the reviewed copy of `path` goes: below `out`, by its path from the folder named on
    the command line that holds it, else by its name."""
    full = os.path.abspath(path)
    for arg in paths:
        if arg == "-" or not os.path.isdir(arg):
            continue
        rel = os.path.relpath(full, os.path.abspath(arg))
        if rel != os.curdir and not rel.startswith(os.pardir + os.sep) and rel != os.pardir:
            return os.path.join(out, rel)
    return os.path.join(out, os.path.basename(path))


def annotate_report(args: Any, report: Any, runner: Any, note: Callable[[str], None]) -> Any:
    """Write the reviewed copies of the report's Word documents (see the module docstring);
    returns the report, with an error added to each document whose copy could not be made."""
    from .._speed.records import replace
    out = args.annotate
    stdin_name = (args.stdin_filename or "-") if "-" in args.paths else None
    documents = [(i, fr) for i, fr in enumerate(report.files) if fr.format == "docx" and not fr.fatal]
    if not documents:
        note(f"--annotate {out}: no Word document (.docx) among the files checked; nothing written")
        return report
    checked = _identities(fr.path for fr in report.files if not fr.fatal and fr.path != stdin_name)
    real_out = os.path.realpath(out)
    files = list(report.files)
    taken: dict[str, str] = {}
    written = comments = 0
    failed = False
    for i, fr in documents:
        if fr.path == stdin_name:
            note(f"--annotate: {fr.path} was read from stdin; name the file to get a reviewed copy")
            continue
        if os.path.realpath(fr.path).startswith(real_out + os.sep):
            note(f"--annotate: {fr.path} is inside {out} (a reviewed copy?); not copied again")
            continue
        dest = destination(fr.path, args.paths, out)
        problem = _refusal(fr.path, dest, taken, checked)
        if not problem:
            try:
                comments += _write_copy(fr, dest)
                written += 1
                taken[os.path.normcase(os.path.abspath(dest))] = fr.path
                continue
            except _CopyFailed as exc:
                problem = str(exc)
        files[i] = replace(fr, errors=[*fr.errors, f"--annotate: {problem}"])
        failed = True
    if written:
        note(f"--annotate: {written} reviewed {'copy' if written == 1 else 'copies'} in {out} "
             f"({comments} comment{'' if comments == 1 else 's'})")
    return runner.report(files) if failed else report


class _CopyFailed(Exception):
    """A reviewed copy that could not be written; the message says why, in one line."""


def _identities(paths) -> set[tuple[int, int]]:
    out = set()
    for path in paths:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        out.add((st.st_dev, st.st_ino))
    return out


def _refusal(path: str, dest: str, taken: dict[str, str], checked: set[tuple[int, int]]) -> str:
    """Why the copy of `path` may not be written to `dest` ('' when it may)."""
    if _same_folder(os.path.dirname(dest) or os.curdir, os.path.dirname(path) or os.curdir):
        return f"{dest} would sit beside the original (in its folder); choose another folder"
    key = os.path.normcase(os.path.abspath(dest))
    if key in taken:
        return (f"{dest} is already the reviewed copy of {taken[key]}; name the folder that holds "
                "both (their layout is kept below the --annotate folder) or check them one at a time")
    try:
        st = os.stat(dest)
    except (OSError, ValueError):
        return ""
    if (st.st_dev, st.st_ino) in checked:
        return f"{dest} is one of the files being checked; choose another folder"
    if not os.path.isfile(dest):
        return f"{dest} exists and is not a file"
    return ""


def _write_copy(fr: Any, dest: str) -> int:
    """Write the reviewed copy of one document; the number of comments."""
    from ..errors import InputError
    from ..source import read_regular
    from .annotate import annotate
    from .errors import DocxError
    try:
        data = read_regular(fr.path, DOCX_MAX_BYTES, InputError)
        os.makedirs(os.path.dirname(dest) or os.curdir, exist_ok=True)
        spans = [(f.offset, f.end_offset, comment_text(f)) for f in fr.active]
        return annotate(data, dest, spans, expect_text=fr.source)
    except InputError as exc:
        raise _CopyFailed(exc.message) from None
    except DocxError as exc:
        raise _CopyFailed(exc.reason) from None
    except ImportError as exc:
        raise _CopyFailed(" ".join(str(exc).split())) from None
    except OSError as exc:
        raise _CopyFailed(f"cannot write {dest}: {exc.strerror or exc}") from None


# ---- --fix and --diff ------------------------------------------------------------------------

def fix_document(fr: Any, runner: Any, unsafe: bool, warn: Callable[[str], None]):
    """Fix one checked .docx in memory: (fixed text, result after, fixes applied, (original
    bytes, new bytes)), or None when nothing applies; refusals and problems are warned."""
    from ..errors import InputError
    from ..findings import SAFE
    from ..fixes import applicable, apply_fixes
    from ..runner import check_source
    from ..source import SourceFile, read_regular
    from .errors import DocxError
    from .fixing import fix_in_passes
    from .reader import read_docx
    try:
        data = read_regular(fr.path, DOCX_MAX_BYTES, InputError)
        if read_docx(data).text != fr.source:
            warn(f"{fr.path}: changed since it was checked; not fixed")
            return None
    except InputError as exc:
        warn(f"{fr.path}: {exc.message}; not fixed")
        return None
    except DocxError as exc:
        warn(f"{fr.path}: {exc.reason}; not fixed")
        return None
    settings = runner.settings_for(fr.path)
    pairing = runner.pairer.source_for(fr.path, settings)    # bilingual mode: the same original

    def plan(text: str, result: Any) -> tuple[str, int, list[tuple[int, int, str]]]:
        fixes = applicable(result.findings, unsafe)
        if not fixes:
            return text, 0, []
        new_text, count = apply_fixes(text, fixes)
        spans = [(min(e.offset for e in f.fix.edits), max(e.end_offset for e in f.fix.edits), f.rule)
                 for f in result.findings
                 if f.fix is not None and f.fix.edits and not f.suppressed
                 and (unsafe or f.fix.applicability == SAFE)]
        return new_text, count, spans

    def relint(docx_text: Any) -> Any:
        src = SourceFile(fr.path, docx_text.text, None, False, "\n", docx_text)
        return check_source(src, settings, runner.plan, None, pairing)

    outcome = fix_in_passes(data, fr.source, fr, plan, relint)
    for refusal in outcome.refusals:
        warn(f"{fr.path}:{refusal}")
    if outcome.growing:
        warn(f"{fr.path}: fixes kept making the text longer (a replacement that contains the text "
             "it replaces?); not fixed")
        return None
    if not outcome.settled:
        warn(f"{fr.path}: fixes kept changing the text after {outcome.passes} passes (rules undoing "
             "each other?); check the result")
    if not outcome.applied:
        return None
    return outcome.text, outcome.result, outcome.applied, (data, outcome.data)


def write_document(path: str, original: bytes, new: bytes) -> None:
    """Replace a fixed .docx under the rules of every fixed file (qa.atomic_write.replace_checked:
    WriteRefused when it is left alone, WriteRaced when another program's write was lost)."""
    from ..atomic_write import replace_checked
    replace_checked(path, original, new, kind="document")
