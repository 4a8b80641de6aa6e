"""Encodings an attacker (or an unlucky editor) can produce: a doubled byte-order mark, UTF-16
without one, a file mixing UTF-8 with GB18030 or with stray Latin-1 bytes, and Big5 releases
from Hong Kong, Macao and Taiwan."""
from __future__ import annotations

import codecs
import json

import pytest

from tests.hostile.common import error_lines, run, write

ENGLISH = "Acme opens plant in Wuxi\n\nAcme Group opened a plant\uff0c its chief said.\n"


def _report(proc) -> dict:
    return json.loads(proc.stdout)["files"][0]


def test_second_bom_is_kept_so_offsets_and_fix_stay_right(tmp_path):
    data = codecs.BOM_UTF8 * 2 + ENGLISH.encode("utf-8")
    path = write(tmp_path, "two-boms.txt", data)
    report = _report(run("--format", "json", "--select", "PU", path))
    text = data.decode(report["encoding"])          # utf-8-sig drops one mark, as editors do
    assert report["encoding"] == "utf-8-sig" and text.startswith("\ufeffAcme")
    finding = report["findings"][0]
    assert text[finding["offset"]:finding["end_offset"]] == finding["text"] == "\uff0c"
    proc = run("--fix", "--select", "PU", path)
    assert b"changed on disk" not in proc.stderr and proc.returncode == 0, proc.stderr
    assert open(path, "rb").read() == codecs.BOM_UTF8 * 2 + ENGLISH.replace("\uff0c", ",").encode()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16"])
def test_explicit_encoding_wins_over_binary_sniffing(tmp_path, encoding):
    path = write(tmp_path, "wide.txt", ENGLISH.encode("utf-16-le"))     # no byte-order mark
    proc = run("--format", "json", "--select", "PU", "--encoding", encoding, path)
    report = _report(proc)
    assert report["errors"] == [] and report["encoding"] == "utf-16-le"
    assert [f["text"] for f in report["findings"]] == ["\uff0c"]


MIXED = [
    # UTF-8 Chinese in the first paragraph, GB18030 in the second (two files pasted together)
    ("Acme opens plant in Wuxi\n\n\u516c\u53f8\u5de5\u5382\u4eca\u5929\u5ba3\u5e03\n".encode()
     + "\n\u5de5\u5382\u5c06\u4e8e\u660e\u5e74\u6295\u4ea7\uff0c\u96c7\u7528\u4e94\u767e\u4eba\u3002\n"
     .encode("gb18030"), "mostly UTF-8"),
    # GB18030 and Big5 pasted together: neither reading gives mostly frequent characters
    ("Acme opens plant in Wuxi\n\n\u65e0\u9521\u5e02\u653f\u5e9c\u4eca\u5929\u8868\u793a\uff0c"
     "\u5de5\u5382\u5c06\u4e8e\u660e\u5e74\u6295\u4ea7\u3002\n".encode("gb18030")
     + "\n\u9999\u6e2f\u8cbf\u6613\u767c\u5c55\u5c40\u4eca\u65e5\u8868\u793a\uff0c\u672c"
     "\u5c46\u535a\u89bd\u6703\u5438\u5f15\u8d85\u904e\u4e09\u767e\u5bb6\u4f01\u696d\u3002\n"
     .encode("big5"), "encoding is uncertain"),
    # UTF-8 with one Latin-1 byte (a "caf\xe9s" typed in another editor)
    (("Acme opens plant in Qingdao\n\nAcme (\u9752\u5c9b and \u4e0a\u6d77 offices) opened a plant. "
      "The caf\u00e9s open daily.\n").encode().replace(b"\xc3\xa9", b"\xe9"), "mostly UTF-8"),
]


@pytest.mark.parametrize("data, doubt", MIXED, ids=["utf8-and-gb18030", "gb18030-and-big5",
                                                   "utf8-and-latin1"])
def test_uncertain_encoding_is_an_error_not_a_guess(tmp_path, data, doubt):
    path = write(tmp_path, "mixed.txt", data)
    proc = run("--format", "json", path)
    err = error_lines(proc)
    assert len(err) == 1 and doubt in err[0] and "--encoding" in err[0], err
    report = _report(proc)
    assert report["findings"] == [] and proc.returncode == 2


BIG5 = [
    "\u9999\u6e2f\u8cbf\u6613\u767c\u5c55\u5c40\u4eca\u65e5\u8868\u793a\uff0c\u672c\u5c46\u535a"
    "\u89bd\u6703\u5438\u5f15\u8d85\u904e\u4e09\u767e\u5bb6\u4f01\u696d\u53c3\u5c55\u3002",
    "\u6fb3\u9580\u7279\u5225\u884c\u653f\u5340\u653f\u5e9c\u5ba3\u5e03\uff0c\u65b0\u4e00\u8f2a"
    "\u4e2d\u5c0f\u4f01\u696d\u63f4\u52a9\u8a08\u5283\u5c07\u65bc\u4e0b\u6708\u958b\u59cb\u63a5"
    "\u53d7\u7533\u8acb\u3002",
    "\u81fa\u5317\u5e02\u653f\u5e9c\u5ba3\u5e03\uff0c\u660e\u5e74\u5c07\u64f4\u5927\u88dc\u52a9"
    "\u9752\u5e74\u5275\u696d\u3002",
]


@pytest.mark.parametrize("chinese", BIG5, ids=["hong-kong", "macao", "taipei"])
def test_big5_release_is_recognised(tmp_path, chinese):
    text = "Fair opens in the city\n\nThe council opened the fair on Tuesday.\n\n" + chinese + "\n"
    path = write(tmp_path, "big5.txt", text.encode("big5"))
    report = _report(run("--format", "json", "--select", "UT01", path))
    assert report["errors"] == [] and report["encoding"] == "big5"
    assert [f["text"] for f in report["findings"]] == [chinese]
