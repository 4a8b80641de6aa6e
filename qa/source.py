"""Reading input: bytes to text, the only place that reads a checked file or decodes one.

Every file release-qa reads (releases, rule packs, glossaries, configs, baselines) is read
through `read_regular`: a FIFO, device or socket is refused before it is opened (and again,
by fstat, after an O_NONBLOCK open, in case it was swapped), and no more than a size cap is
read, so no name given on the command line or met in a folder can hang or exhaust a run.

The text is kept exactly as decoded (line endings untouched, one byte-order mark removed
and remembered, a second one kept as a character), so that every offset a rule reports
points into the file as given. Without --encoding, UTF-8, UTF-16/32 with a BOM, GB18030 and
Big5 are recognised; bytes whose encoding cannot be told with confidence (a mix of UTF-8 and
GB18030, UTF-8 with stray Latin-1 bytes, Chinese that would be mostly rare characters) are
an error saying so, never a guess.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys

from ._speed.records import field, record
from .docx.source import DOCX_MAX_BYTES, docx_text, is_docx_name
from .errors import InputError, QAError

MAX_BYTES = 256 * 1024 * 1024           # a release
CONFIG_MAX_BYTES = 16 * 1024 * 1024     # a rule pack, glossary or config file (TOML)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# Magic numbers of common binary formats people drop into a folder of releases.
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF",
    b"RIFF", b"\xd0\xcf\x11\xe0", b"BM", b"II*\x00", b"MM\x00*", b"\x1f\x8b",
)


@record(frozen=True)
class SourceFile:
    """A decoded input file."""

    path: str
    text: str
    encoding: str          # the codec name reported to users: utf-8, utf-16-le, gb18030 ...
    bom: bool              # the file started with a byte-order mark (not part of `text`)
    newline: str           # the dominant line ending: "\n", "\r\n" or "\r"
    docx: object = field(default=None, repr=False, compare=False)   # a Word document's DocxText


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read."""
    head = data[:8192]
    if any(head.startswith(magic) for magic in _BINARY_MAGIC):
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.10


# --- reading bytes --------------------------------------------------------------------------

def special_kind(mode: int) -> str:
    """What a file that is not a regular file is ('a FIFO (named pipe)', ...), or ''."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse_special(mode: int, path: str, error: type[QAError]) -> None:
    kind = special_kind(mode)
    if kind == "a directory":
        raise error("is a directory", path)
    if kind:
        raise error(f"is {kind}, not a regular file; not read", path)


def _too_big(size: int, limit: int) -> str:
    mib = 1024 * 1024
    shown = f"{size // mib} MB" if size >= mib else f"{size} bytes"
    cap = f"{limit // mib} MB" if limit >= mib else f"{limit} bytes"
    return f"file is {shown}, more than the {cap} limit"


def read_regular(path: str, limit: int = MAX_BYTES, error: type[QAError] = InputError) -> bytes:
    """The bytes of the regular file at `path` (symbolic links followed), at most `limit`.

    A FIFO, device, socket or folder is refused (`error(message, path)`) without blocking on
    it, a file over `limit` bytes (or growing past it while read) is refused, and every OS
    failure becomes `error` with a short reason."""
    try:
        _refuse_special(os.stat(path).st_mode, path, error)
        fh = open(path, "rb", buffering=0, opener=_open_nonblocking)
    except QAError:
        raise
    except OSError as exc:
        raise error(_os_reason(exc), path) from None
    with fh:
        try:
            st = os.fstat(fh.fileno())
            _refuse_special(st.st_mode, path, error)    # swapped since the stat: still refused
            if st.st_size > limit:
                raise error(_too_big(st.st_size, limit), path)
            return _read_all(fh, limit, st.st_size, path, error)
        except OSError as exc:
            raise error(_os_reason(exc), path) from None


def _open_nonblocking(path: str, flags: int) -> int:
    """os.open for `open(opener=...)`: a FIFO opened by mistake must not block the run."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _read_all(fh, limit: int, expected: int, path: str, error: type[QAError]) -> bytes:
    parts: list[bytes] = []
    total = 0
    chunk = max(1 << 16, min(expected, limit) + 1)
    while total <= limit:
        part = fh.read(min(chunk, limit + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    if total > limit:
        raise error(_too_big(total, limit), path)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_stream(stream, path: str = "-", limit: int = MAX_BYTES) -> bytes:
    """All bytes of a binary stream (stdin), refused past `limit`; a closed stream is an
    InputError too (`release-qa check - <&-`)."""
    if stream is None:
        raise InputError("standard input is closed", path)
    parts: list[bytes] = []
    total = 0
    try:
        while total <= limit:
            part = stream.read(min(1 << 20, limit + 1 - total))
            if not part:
                break
            parts.append(part)
            total += len(part)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read standard input: {_os_reason(exc)}", path) from None
    if total > limit:
        raise InputError(_too_big(total, limit), path)
    return b"".join(parts)


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def read_config_text(path: str, error: type[QAError] = InputError,
                     limit: int = CONFIG_MAX_BYTES) -> str:
    """The UTF-8 text of a rule pack, glossary, config or baseline file, read by
    `read_regular` (no FIFOs or devices, at most `limit` bytes); failures are `error`."""
    data = read_regular(path, limit, error)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"not valid UTF-8 (byte {exc.start})", path) from None


def read_source(path: str, encoding: str | None = None) -> SourceFile:
    """Read and decode one file; every failure is an InputError naming the file."""
    if is_docx_name(path):
        return docx_source(read_regular(path, DOCX_MAX_BYTES, InputError), path)
    return decode(read_regular(path, MAX_BYTES, InputError), path, encoding)


def docx_source(data: bytes, path: str) -> SourceFile:
    """A Word document as a release: its paragraphs joined by "\\n", no encoding (the text is
    not a decoding of the file's bytes), and the DocxText the Document is built from."""
    docx = docx_text(data, path)
    return SourceFile(path, docx.text, None, False, "\n", docx)


# --- decoding ---------------------------------------------------------------------------------

def decode(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> SourceFile:
    """Decode bytes: in `encoding` when given (it wins over every sniffing), else as UTF-8
    (with or without BOM), UTF-16/32 with BOM, GB18030 or Big5, refusing to guess."""
    if is_docx_name(path):             # stdin named x.docx (--stdin-filename)
        return docx_source(data, path)
    if encoding:
        return _decode_as(data, path, encoding)
    for bom_bytes, _, name in _BOMS:
        if data.startswith(bom_bytes):         # one mark is dropped; a second stays a character
            try:
                text = data[len(bom_bytes):].decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {name} after its byte-order mark at byte "
                                 f"{exc.start + len(bom_bytes)}", path) from None
            return SourceFile(path, text, name, True, dominant_newline(text))
    try:
        text = data.decode("utf-8")
        return SourceFile(path, text, "utf-8", False, dominant_newline(text))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if looks_binary(data):
        raise InputError("binary file, not text", path)
    text, codec = _guess_legacy(data, utf8_error.start, path)
    return SourceFile(path, text, codec, False, dominant_newline(text))


def _decode_as(data: bytes, path: str, encoding: str) -> SourceFile:
    """Decode in the codec the user named, dropping one byte-order mark of it if present."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path) from None
    concrete, skip = name, 0
    if name in ("utf-8", "utf-8-sig"):
        concrete = "utf-8"
    elif name in ("utf-16", "utf-32"):
        concrete = f"{name}-{'le' if sys.byteorder == 'little' else 'be'}"   # the codec's guess
        for bom_bytes, _, full in _BOMS:
            if full.startswith(name) and data.startswith(bom_bytes):
                concrete, skip = full, len(bom_bytes)
                break
    try:
        text = data[skip:].decode(concrete)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {encoding} at byte {exc.start + skip}", path) from None
    bom = bool(skip)
    if not bom and text.startswith("\ufeff"):
        bom, text = True, text[1:]
    return SourceFile(path, text, concrete, bom, dominant_newline(text))


# --- telling GB18030, Big5 and damaged UTF-8 apart ---------------------------------------------
#
# Decoding as GB18030 or Big5 rarely fails, whatever the bytes, so success proves little. What
# tells them apart is which characters come out: real Chinese text is made mostly of the
# frequent characters of its own standard (GB2312 level 1, rows B0-D7; Big5's frequent block,
# A440-C67E) plus its punctuation rows, while bytes of another encoding read this way fall
# mostly elsewhere. Measured on the WMT 2023 zh-en sources (19 documents, windows of 60
# characters to whole documents), GB text read as GB18030 has 94-100% frequent characters and
# read as Big5 at most 71%; Big5 text 86-100% against at most 67% read as GB18030. UTF-8
# decodes some GB or Big5 bytes by chance, at most 0.4 characters per bad byte (0.04 of them
# CJK), far below a file that is UTF-8 with a few stray bytes.

COMMON_SHARE = 0.8      # a reading is accepted with at least this share of frequent characters
MARGIN = 0.1            # and (for Big5) this much above the other reading
SAMPLE = 4000           # non-ASCII characters looked at, spread over the first MiB


def _sample(text: str) -> list[str]:
    """About SAMPLE non-ASCII characters spread over the first MiB of `text` (all of them when
    the text is short or mostly ASCII)."""
    head = text[:1 << 20]
    step = max(1, len(head) // (SAMPLE * 2))
    chars = [c for c in head[::step] if c > "\x7f"]
    if step > 1 and len(chars) < SAMPLE // 4:       # mostly ASCII: few enough to take them all
        from ._speed.regex import re_compile
        chars = re_compile(r"[^\x00-\x7f]").findall(head)[:SAMPLE * 4]
    return chars


def _common_share(text: str, table: str) -> float:
    """The share of the non-ASCII characters of `text` that are frequent characters or
    punctuation of `table` (gb2312 or big5); 1.0 when there are none."""
    sample = _sample(text)
    common = 0
    for ch in sample:
        try:
            b = ch.encode(table)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and table == "gb2312":
            common += 0xA1 <= b[0] <= 0xA3 or 0xB0 <= b[0] <= 0xD7
        elif len(b) == 2:
            common += 0xA140 <= (b[0] << 8 | b[1]) <= 0xA3BF or 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E
    return common / len(sample) if sample else 1.0


def plausible_chinese(text: str) -> bool:
    """False when a GB18030 (or Big5) decoding looks like a Western 8-bit file read wrongly.

    A Latin-1 or cp1252 file decodes as GB18030 more often than one would like: each accented
    letter pairs with the next byte into one CJK character wedged inside a Latin word
    ("Pok\u00e9mon" -> "Pok" + one Han character + "mon"). Real Chinese text has runs of CJK
    characters, not single ones between Latin letters (full-width punctuation, which comes
    from two GB bytes, is not counted as wedged).
    """
    from ._speed.regex import re_compile
    head = text[:1 << 20]
    total = len(head) - len(head.encode("latin-1", "ignore"))
    wedged = sum(1 for m in re_compile(r"(?<=[A-Za-z])[^\x00-\u2e7f](?=[A-Za-z])").finditer(head)
                 if m.group().isalpha())
    return total == 0 or wedged * 3 < total


def _mostly_utf8(data: bytes) -> int:
    """How many bytes of the head of `data` are not UTF-8, when that head is UTF-8 but for a
    few bytes: over twice as many valid non-ASCII characters, or CJK ones at a rate no GB18030
    or Big5 text reaches (else 0)."""
    from ._speed.regex import re_compile
    probe = data[:1 << 20].decode("utf-8", "surrogateescape")
    bad = len(re_compile("[\udc80-\udcff]").findall(probe))
    good = len(re_compile("[^\x00-\x7f\udc80-\udcff]").findall(probe))
    cjk = len(re_compile("[\u3000-\u9fff]").findall(probe))
    return bad if bad and (good >= 2 * bad or (cjk >= 3 and cjk * 10 >= bad)) else 0


def _try(data: bytes, *codecs_: str) -> tuple[str, str] | None:
    for codec in codecs_:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None


def _verdict(gb: float | None, big5: float | None) -> str | None:
    """"gb2312" or "big5" when one reading (its share of frequent characters; None when it does
    not decode) is clearly right; GB18030 wins a tie (mainland releases are the common case)."""
    g, b = gb or 0.0, big5 or 0.0
    if big5 is not None and b >= COMMON_SHARE and b >= g + MARGIN:
        return "big5"
    if gb is not None and g >= COMMON_SHARE and g + MARGIN > b:
        return "gb2312"
    return None


def _line_votes(data: bytes) -> set[str]:
    """The verdicts of the lines (with a few non-ASCII characters) of the head of `data`, each
    decoded on its own: a file pasted together from GB18030 and Big5 parts votes for both."""
    votes: set[str] = set()
    seen = 0
    for line in data[:1 << 20].split(b"\n"):
        if line.isascii():
            continue
        shares = {}
        for codec, table in (("gb18030", "gb2312"), ("big5", "big5")):
            got = _try(line, codec)
            shares[table] = _common_share(got[0], table) if got else None
        wide = sum(1 for b in line if b >= 0x80) // 2
        if wide >= 6:
            votes.add(_verdict(shares["gb2312"], shares["big5"]) or "")
        seen += wide
        if seen > 20000 or len(votes - {""}) > 1:
            break
    return votes - {""}


def _guess_legacy(data: bytes, bad_at: int, path: str) -> tuple[str, str]:
    """(text, codec) of bytes that are not UTF-8: GB18030 or Big5 when the characters say so
    clearly, in the whole and line by line; an InputError naming the doubt otherwise."""
    advice = "pass --encoding to name the encoding (e.g. --encoding cp1252)"
    mixed = _mostly_utf8(data)
    if mixed:
        which = "one byte is not" if mixed == 1 else "some bytes are not"
        raise InputError(f"mostly UTF-8, but {which} (the first at byte {bad_at}): a mix of "
                         f"encodings, or stray Latin-1 bytes? Not guessed; {advice}", path)
    readings = {}
    for codecs_, table in ((("gb18030",), "gb2312"), (("big5", "big5hkscs"), "big5")):
        got = _try(data, *codecs_)
        if got and plausible_chinese(got[0]):
            readings[table] = (got[0], got[1], _common_share(got[0], table))
    gb, big5 = readings.get("gb2312"), readings.get("big5")
    if not readings:
        raise InputError(f"not valid UTF-8 (byte {bad_at}), UTF-16, GB18030 or Big5; {advice}", path)
    chosen = _verdict(gb[2] if gb else None, big5[2] if big5 else None)
    if chosen and len(_line_votes(data)) < 2:
        return readings[chosen][0], readings[chosen][1]
    rare = [f"as {name} {1 - r[2]:.0%} of its non-ASCII characters would be rare ones"
            for name, r in (("GB18030", gb), ("Big5", big5)) if r]
    if chosen:              # each part reads well, but not in the same encoding
        rare = ["some lines read as GB18030 and others as Big5"]
    raise InputError(f"not valid UTF-8 (byte {bad_at}), and its encoding is uncertain: "
                     f"{', '.join(rare)} (a mix of encodings?); {advice}", path)
