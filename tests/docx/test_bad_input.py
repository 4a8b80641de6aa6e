"""Files the .docx reader will not read: each gives a DocxError with one clear line."""
from __future__ import annotations

import io
import struct
import sys
import zipfile

import pytest

pytest.importorskip("docx")

from qa.docx import DocxError, annotate, apply_fixes, container, read_docx  # noqa: E402
from tests.docx.builders import DECL, NAMESPACES, notes, p, package, write  # noqa: E402

GOOD = package(p("A good release."))


def ole(*streams: str) -> bytes:
    """The start of an OLE compound file: its signature, then directory entry names."""
    header = container.OLE_MAGIC + b"\x00" * 16 + struct.pack("<HH", 0x3E, 3) + b"\x00" * 474
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in streams)
    return header + names + b"\x00" * 1024


def refused(tmp_path, data: bytes, name: str = "release.docx") -> str:
    path = write(tmp_path, name, data)
    with pytest.raises(DocxError) as info:
        read_docx(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(path + ": ")
    assert info.value.path == path and message == f"{path}: {info.value.reason}"
    return info.value.reason


def with_member(name: str, data: bytes, base: bytes = GOOD) -> bytes:
    """``base`` with one member's content replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info))
        if name not in src.namelist():
            dst.writestr(name, data)
    return out.getvalue()


def test_password_protected_file(tmp_path):
    reason = refused(tmp_path, ole("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    assert reason.startswith("password-protected (encrypted) Word file")


@pytest.mark.parametrize("name", ["release.docx", "release.doc"])
def test_old_binary_doc(tmp_path, name):
    reason = refused(tmp_path, ole("Root Entry", "WordDocument", "1Table"), name)
    assert reason.startswith("old binary Word format (.doc")


@pytest.mark.parametrize("data, expected", [
    (GOOD[: len(GOOD) // 2], "corrupt .docx (unreadable zip"),
    (b"PK\x03\x04" + b"\x00" * 100, "corrupt .docx (unreadable zip"),
    (b"", "empty file"),
    (b"{\\rtf1\\ansi hello}", "RTF file, not .docx"),
    (b"<html><body>hi</body></html>", "XML or HTML file, not .docx"),
    (b"just some text", "not a .docx file (no zip signature)"),
])
def test_not_a_readable_zip(tmp_path, data, expected):
    assert refused(tmp_path, data).startswith(expected)


def test_damaged_member_data(tmp_path):
    data = bytearray(GOOD)
    with zipfile.ZipFile(io.BytesIO(GOOD)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start:start + 20] = b"\xff" * 20
    assert refused(tmp_path, bytes(data)).startswith("corrupt .docx")


def test_zips_that_are_not_word_documents(tmp_path):
    no_types = io.BytesIO()
    with zipfile.ZipFile(no_types, "w") as zf:
        zf.writestr("word/document.xml", "<x/>")
    assert "no [Content_Types].xml" in refused(tmp_path, no_types.getvalue())
    sheet_types = DECL + ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                          'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    assert "(an Excel or PowerPoint file?)" in refused(tmp_path, with_member("[Content_Types].xml",
                                                                           sheet_types.encode()))


def test_zip_bomb_by_ratio(tmp_path):
    assert "a zip bomb?" in refused(tmp_path, with_member("word/media/blank.bin", b"\x00" * (3 << 20)))


def test_zip_bomb_by_total_size_in_the_directory(tmp_path):
    data = bytearray(with_member("word/media/big.bin", b"\x01" * 1000))
    cd = data.rfind(b"PK\x01\x02" + data[data.rfind(b"PK\x01\x02") + 4:data.rfind(b"PK\x01\x02") + 6])
    struct.pack_into("<I", data, cd + 24, 150 << 20)   # the central directory claims 150 MB
    assert "expands to over 104,857,600 bytes" in refused(tmp_path, bytes(data))


def test_sizes_are_enforced_while_reading(tmp_path, monkeypatch):
    # zipfile stops at the declared size, so only the total budget can run out while reading:
    # with the directory check off, reading alone must still stop at the budget
    monkeypatch.setattr(container, "MAX_TOTAL_BYTES", 4000)
    monkeypatch.setattr(container, "_check_directory", lambda label, infos: None)
    reason = refused(tmp_path, with_member("word/styles.xml", DECL.encode() + b"<w:styles " +
                                           NAMESPACES.encode() + b">" + b" " * 3000 + b"</w:styles>"))
    assert reason == ("zip member 'word/styles.xml' expands past its declared size or the size limit "
                      "(a zip bomb?)")


def test_a_directory_that_understates_a_size(tmp_path):
    data = bytearray(GOOD)
    with zipfile.ZipFile(io.BytesIO(GOOD)) as zf:
        info = zf.getinfo("word/document.xml")
    # the central directory entry of word/document.xml: its name starts 46 bytes in
    cd = data.find(b"word/document.xml", data.find(b"PK\x01\x02")) - 46
    assert data[cd:cd + 4] == b"PK\x01\x02"
    struct.pack_into("<I", data, cd + 24, 10)
    struct.pack_into("<I", data, info.header_offset + 22, 10)
    assert refused(tmp_path, bytes(data)).startswith("corrupt .docx")


def test_too_many_entries(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for i in range(container.MAX_ENTRIES + 1):
            zf.writestr(f"junk/{i}", b"")
    assert refused(tmp_path, out.getvalue()) == "zip has 5,001 entries, over the limit of 5,000"


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;">]>'
          f'<w:document {NAMESPACES}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            f'<w:footnotes {NAMESPACES}><w:footnote w:id="1"><w:p><w:r><w:t>&e;</w:t></w:r></w:p>'
            "</w:footnote></w:footnotes>")


@pytest.mark.parametrize("member, xml", [
    ("word/document.xml", LAUGHS.encode()),
    ("word/document.xml", LAUGHS.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16")),
    ("word/footnotes.xml", EXTERNAL.encode()),
    ("word/styles.xml", b'<?xml version="1.0"?><!DOCTYPE s SYSTEM "http://example.org/s.dtd"><s/>'),
    ("_rels/.rels", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><Relationships/>'),
])
def test_xml_with_a_dtd_or_entities(tmp_path, member, xml):
    base = package(p("Body"), footnotes=notes("footnotes", "note"))
    assert refused(tmp_path, with_member(member, xml, base)) == (
        f"{member} declares a DTD or entities, which a .docx never needs; refused")


def test_xml_in_another_encoding(tmp_path):
    xml = f'<?xml version="1.0" encoding="ISO-8859-1"?><w:document {NAMESPACES}><w:body/></w:document>'
    assert refused(tmp_path, with_member("word/document.xml", xml.encode())) == (
        "word/document.xml is in ISO-8859-1, not UTF-8 or UTF-16")


def test_malformed_notes(tmp_path):
    base = package(p("Body"), footnotes=notes("footnotes", "note"))
    reason = refused(tmp_path, with_member("word/footnotes.xml", b"<w:footnotes><unclosed>", base))
    assert reason.startswith("word/footnotes.xml is not well-formed XML")


def test_a_missing_file(tmp_path):
    with pytest.raises(DocxError, match="cannot read file"):
        read_docx(str(tmp_path / "nowhere.docx"))


def test_annotate_and_fixes_refuse_the_same_files(tmp_path):
    path = write(tmp_path, "x.docx", ole("EncryptedPackage"))
    with pytest.raises(DocxError, match="password-protected"):
        annotate(path, str(tmp_path / "out.docx"), [(0, 1, "x")])
    with pytest.raises(DocxError, match="password-protected"):
        apply_fixes(path, str(tmp_path / "out.docx"), [(0, 1, "x")])
    assert not (tmp_path / "out.docx").exists()


def test_without_python_docx_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(ImportError, match=r"pip install 'release-qa\[docx\]'"):
        read_docx(GOOD)
