"""Opening a .docx safely: what the bytes are, zip limits, and a DTD-free check of its XML.

Before python-docx sees a file, ``open_checked`` makes sure that it is a zip (not an OLE file:
an encrypted package or an old binary .doc, each named as such), that its directory is sane
(at most MAX_ENTRIES members, no duplicates, no encrypted members, at most MAX_TOTAL_BYTES
uncompressed in all, no member over MAX_RATIO times its compressed size), and that no XML part
that python-docx or this package parses declares a DTD or uses an encoding other than UTF-8 or
UTF-16 (a byte scan: a DTD, and so any entity, can only be declared by "<!DOCTYPE"). The parts
this package parses itself ([Content_Types].xml, footnotes, endnotes) also pass defusedxml with
DTDs, entities and external references forbidden; python-docx parses the others with entity
resolution off. Members are read in chunks against the declared sizes and the total budget, so
a directory that lies is caught while reading (zipfile itself also stops at the declared size
and fails the CRC check).
"""
from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass

from .errors import DocxError

MAX_FILE_BYTES = 100 * 1024 * 1024    # the .docx itself
MAX_TOTAL_BYTES = 100 * 1024 * 1024   # all members, uncompressed
MAX_ENTRIES = 5000
MAX_RATIO = 500      # uncompressed / compressed, over RATIO_FLOOR (deflate tops out near 1,030)
RATIO_FLOOR = 1024 * 1024
CHUNK = 1 << 16

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Content types whose parts python-docx parses when it opens a document.
PARSED_TYPES = frozenset(MAIN_TYPES + tuple(WML + t + "+xml" for t in (
    "comments", "footer", "header", "numbering", "settings", "styles")) + (
    "application/vnd.openxmlformats-package.core-properties+xml",))
NOTES_TYPES = frozenset((WML + "footnotes+xml", WML + "endnotes+xml"))
INSTALL_HINT = "reading .docx files needs python-docx and defusedxml: pip install 'release-qa[docx]'"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
XML_DECL = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


@dataclass(frozen=True)
class Package:
    """A checked .docx: its bytes, a label for messages and its members' uncompressed XML."""

    label: str
    data: bytes
    xml: dict[str, bytes]     # member name -> bytes, for every XML member that was checked


def load_source(src: str | os.PathLike[str] | bytes | bytearray) -> tuple[str, bytes]:
    """(label, bytes) of a path or of bytes given directly (label "<bytes>")."""
    if isinstance(src, (bytes, bytearray, memoryview)):
        data = bytes(src)
        label = "<bytes>"
    else:
        label = os.fspath(src)
        try:
            size = os.stat(label).st_size
            if size > MAX_FILE_BYTES:
                raise DocxError(f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit", label)
            with open(label, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise DocxError(f"cannot read file: {exc.strerror or exc}", label) from None
    if len(data) > MAX_FILE_BYTES:
        raise DocxError(f"file is over the {MAX_FILE_BYTES:,}-byte limit", label)
    return label, data


def sniff(label: str, data: bytes) -> None:
    """Raise DocxError naming what the bytes are when they are not a zip package."""
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise DocxError("password-protected (encrypted) Word file: save an unprotected copy "
                            "and check that", label)
        raise DocxError("old binary Word format (.doc, an OLE file), not .docx: save it as .docx "
                        "in Word or LibreOffice", label)
    if data.startswith(b"{\\rtf"):
        raise DocxError("RTF file, not .docx: save it as .docx", label)
    if not data.startswith(b"PK"):
        head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"<"):
            raise DocxError("XML or HTML file, not .docx (a Word XML export?): save it as .docx", label)
        raise DocxError("not a .docx file (no zip signature)" if data else "empty file", label)


def _check_directory(label: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise DocxError(f"zip has {len(infos):,} entries, over the limit of {MAX_ENTRIES:,}", label)
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:
            raise DocxError(f"zip lists member {info.filename!r} twice", label)
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise DocxError(f"zip member {info.filename!r} is encrypted", label)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise DocxError(f"zip expands to over {MAX_TOTAL_BYTES:,} bytes (a zip bomb?)", label)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise DocxError(f"zip member {info.filename!r} expands {ratio:,} times "
                            f"(limit {MAX_RATIO}; a zip bomb?)", label)


def _read_member(label: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """Read one member in chunks, never more than its declared size or the remaining budget."""
    limit = min(info.file_size, budget[0])
    out = bytearray()
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > limit:
                raise DocxError(f"zip member {info.filename!r} expands past its declared size or "
                                "the size limit (a zip bomb?)", label)
    budget[0] -= len(out)
    return bytes(out)


class _NullTarget:
    """A parser target that builds nothing: the check only needs the parse to succeed."""

    def close(self) -> None:
        return None


def check_xml(label: str, name: str, data: bytes) -> None:
    """Parse ``data`` with defusedxml (DTDs, entities and external references forbidden),
    building nothing; for the XML this package parses itself."""
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import DefusedXMLParser, ParseError
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc

    parser = DefusedXMLParser(target=_NullTarget(), forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    # Nothing is built, so the Python handler for unhandled data (called once per text node)
    # is not needed; expat still rejects undefined entities on its own.
    parser.parser.DefaultHandlerExpand = None
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException:
        raise DocxError(f"{name} declares a DTD or entities, which a .docx never needs; refused",
                        label) from None
    except (ParseError, ValueError) as exc:
        raise DocxError(f"{name} is not well-formed XML ({exc})", label) from None


def scan_xml(label: str, name: str, data: bytes) -> None:
    """Refuse an XML part that declares a DTD (the only place entities can be declared) or is
    not in UTF-8 or UTF-16, the encodings OOXML allows; a byte scan, linear and cheap, for the
    parts python-docx parses (with entity resolution off)."""
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocxError(f"{name} is neither UTF-8 nor UTF-16", label) from None
        has_dtd = "<!DOCTYPE" in text or "<!ENTITY" in text
    else:
        decl = XML_DECL.match(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
        if decl and decl.group(1).lower() not in (b"utf-8", b"utf8"):
            raise DocxError(f"{name} is in {decl.group(1).decode('ascii', 'replace')}, "
                            "not UTF-8 or UTF-16", label)
        has_dtd = b"<!DOCTYPE" in data or b"<!ENTITY" in data
    if has_dtd:
        raise DocxError(f"{name} declares a DTD or entities, which a .docx never needs; refused", label)


def _xml_members(label: str, zf: zipfile.ZipFile, names: set[str], budget: list[int]) -> dict[str, bytes]:
    """The members that python-docx or this package parses as XML: [Content_Types].xml, the
    relationship parts and the parts whose content types python-docx parses or this package
    reads (notes), each scanned; those parsed here also pass defusedxml."""
    if "[Content_Types].xml" not in names:
        raise DocxError("not a .docx: the zip has no [Content_Types].xml", label)
    types_xml = _read_member(label, zf, zf.getinfo("[Content_Types].xml"), budget)
    check_xml(label, "[Content_Types].xml", types_xml)
    from defusedxml.ElementTree import fromstring  # present: check_xml imported defusedxml

    root = fromstring(types_xml, forbid_dtd=True)
    defaults = {el.get("Extension", "").lower(): el.get("ContentType", "")
                for el in root.iter(CT_NS + "Default")}
    overrides = {el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
                 for el in root.iter(CT_NS + "Override")}
    if not any(ct in MAIN_TYPES for ct in overrides.values()):
        raise DocxError("not a Word document: the package has no main document part "
                        "(an Excel or PowerPoint file?)", label)
    out = {"[Content_Types].xml": types_xml}
    for info in zf.infolist():
        name = info.filename
        if name in out or name.endswith("/"):
            continue
        ctype = overrides.get(name) or defaults.get(name.rpartition(".")[2].lower(), "")
        if name.endswith(".rels") or ctype in PARSED_TYPES or ctype in NOTES_TYPES:
            data = _read_member(label, zf, info, budget)
            scan_xml(label, name, data)
            if ctype in NOTES_TYPES:
                check_xml(label, name, data)
            out[name] = data
    return out


def open_checked(src: str | os.PathLike[str] | bytes | bytearray) -> Package:
    """Read and check a .docx; raise DocxError (one line) for anything it will not read."""
    label, data = load_source(src)
    sniff(label, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_directory(label, infos)
            xml = _xml_members(label, zf, {i.filename for i in infos}, [MAX_TOTAL_BYTES])
    except DocxError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError,
            OSError, ValueError, KeyError, RuntimeError) as exc:
        raise DocxError(f"corrupt .docx (unreadable zip: {exc})", label) from None
    return Package(label, data, xml)
