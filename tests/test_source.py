"""Decoding input: UTF-8 with and without BOM, UTF-16 with BOM, GB18030, and clear errors."""
from __future__ import annotations

import codecs

import pytest

from qa.errors import InputError
from qa.source import decode, dominant_newline, read_source

TEXT = "Haier Group opens a plant in Qingdao, 青岛.\r\nSecond line.\r\n"


@pytest.mark.parametrize("data, encoding, bom", [
    (TEXT.encode("utf-8"), "utf-8", False),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
    (TEXT.encode("gb18030"), "gb18030", False),
])
def test_decodes_and_reports_encoding(data, encoding, bom):
    src = decode(data, "x.txt")
    assert src.text == TEXT
    assert src.encoding == encoding
    assert src.bom is bom
    assert src.newline == "\r\n"


def test_gbk_subset_reads_as_gb18030():
    src = decode("江苏省工业和信息化厅 Jiangsu".encode("gbk"), "x.txt")
    assert src.text == "江苏省工业和信息化厅 Jiangsu"
    assert src.encoding == "gb18030"


@pytest.mark.parametrize("text, newline", [("a\nb\n", "\n"), ("a\r\nb\r\n", "\r\n"), ("a\rb\r", "\r"),
                                           ("no newline", "\n")])
def test_dominant_newline(text, newline):
    assert dominant_newline(text) == newline


def test_binary_file_is_an_input_error(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary file"):
        read_source(str(png))


def test_nul_bytes_in_text_are_read(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(b"Shares rose.\x00 Output fell." * 20)
    assert "\x00" in read_source(str(f)).text


def test_undecodable_bytes_name_the_problem():
    with pytest.raises(InputError, match="not valid UTF-8 .*GB18030"):
        decode(b"caf\xe9 \xff\xfe\xfd\x80\x80" * 3, "x.txt")


def test_explicit_encoding(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("café".encode("latin-1"))
    assert read_source(str(f), "latin-1").text == "café"
    with pytest.raises(InputError, match="unknown encoding"):
        read_source(str(f), "no-such-codec")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    src = read_source(str(f))
    assert src.text == "" and src.encoding == "utf-8"


def test_cp1252_file_is_not_mistaken_for_gb18030():
    data = "The Pokémon café in Zürich reopened with Renée and Béatrice.".encode("cp1252")
    with pytest.raises(InputError, match="--encoding"):
        decode(data, "x.txt")


def test_gb18030_with_full_width_punctuation_and_no_han_is_read():
    text = "Firm opens plant in Hefei\n\nThe firm（Acme）said the plant opened。\n"
    src = decode(text.encode("gb18030"), "x.txt")
    assert (src.text, src.encoding) == (text, "gb18030")
