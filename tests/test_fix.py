"""qa.fixes: choosing fixes, applying edits (overlaps, passes, cycles), diffs, encodings
and atomic writes (mode kept, interrupted writes leave the original, changed files left)."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

import pytest

from qa import atomic_write, fixes
from qa.findings import Edit, Finding, Fix, Location
from qa.fixes import WriteRefused, applicable, apply_fixes, encode, fix_until_stable, unified_diff


def _fix(offset, end, text, applicability="safe", *more):
    return Fix((Edit(offset, end, text),) + tuple(Edit(*m) for m in more), applicability)


def _finding(fix: Fix | None, suppressed: bool = False) -> Finding:
    loc = Location(0, 1, 1, 1, 1, 2, "x")
    return Finding("ZF01", "x", "style", "warning", "m", loc, fix=fix, suppressed=suppressed)


# --- choosing fixes -----------------------------------------------------------------------

def test_applicable_takes_safe_fixes_only_unless_unsafe_allowed():
    safe, unsafe = _fix(5, 6, ","), _fix(0, 1, "A", "unsafe")
    found = [_finding(safe), _finding(unsafe), _finding(None)]
    assert applicable(found) == [safe]
    assert applicable(found, unsafe=True) == [unsafe, safe]


def test_applicable_skips_suppressed_findings():
    assert applicable([_finding(_fix(0, 1, "a"), suppressed=True)]) == []


# --- applying edits -----------------------------------------------------------------------

def test_apply_fixes_replaces_inserts_and_deletes():
    text = "Sales rose，costs fell  today"
    out, n = apply_fixes(text, [_fix(10, 11, ", "), _fix(21, 23, " "), _fix(0, 0, ">> ")])
    assert (out, n) == (">> Sales rose, costs fell today", 3)


def test_overlapping_fix_is_skipped_and_the_first_kept():
    text = "abcdef"
    out, n = apply_fixes(text, [_fix(1, 4, "X"), _fix(3, 5, "Y"), _fix(5, 6, "Z")])
    assert (out, n) == ("aXeZ", 2)


def test_two_insertions_at_one_place_apply_only_the_first():
    out, n = apply_fixes("ab", [_fix(1, 1, "X"), _fix(1, 1, "Y")])
    assert (out, n) == ("aXb", 1)


def test_insertion_where_a_replacement_starts_is_skipped_but_adjacent_edits_apply():
    out, n = apply_fixes("abcd", [_fix(1, 3, "X"), _fix(1, 1, "Y"), _fix(3, 4, "Z")])
    assert (out, n) == ("aXZ", 2)


def test_a_multi_edit_fix_applies_whole_or_not_at_all():
    both = Fix((Edit(0, 1, "A"), Edit(4, 5, "E")), "safe")
    clashing = Fix((Edit(2, 3, "C"), Edit(4, 5, "X")), "safe")
    out, n = apply_fixes("abcde", [both, clashing])
    assert (out, n) == ("AbcdE", 1)


def test_no_op_and_out_of_range_edits_are_not_counted():
    out, n = apply_fixes("abc", [_fix(0, 1, "a"), _fix(2, 9, "z")])
    assert (out, n) == ("abc", 0)


# --- passes -------------------------------------------------------------------------------

@dataclass
class _Result:
    findings: list = field(default_factory=list)


def _linter(rules):
    """A fake lint: each rule maps (old, new) -> a safe fix for every occurrence of old."""
    def lint(text: str) -> _Result:
        found = []
        for old, new in rules:
            start = text.find(old)
            while start >= 0:
                found.append(_finding(_fix(start, start + len(old), new)))
                start = text.find(old, start + 1)
        return _Result(found)
    return lint


def test_fix_until_stable_repeats_passes_until_nothing_changes():
    lint = _linter([("，", ", "), ("  ", " ")])
    text = "Sales rose， costs fell，  again"
    out = fix_until_stable(text, lint(text), lint)
    assert out.text == "Sales rose, costs fell, again"
    assert out.settled and out.passes >= 2
    again = fix_until_stable(out.text, lint(out.text), lint)
    assert (again.text, again.applied, again.passes) == (out.text, 0, 0)


def test_fix_until_stable_needs_passes_when_a_fix_reveals_another():
    lint = _linter([("xy", "y"), ("zy", "z")])
    out = fix_until_stable("a xzyy b", lint("a xzyy b"), lint)
    assert (out.text, out.passes, out.settled) == ("a xz b", 2, True)


def test_rules_undoing_each_other_stop_unsettled():
    lint = _linter([("colour", "color"), ("color", "colour")])
    out = fix_until_stable("a color b", lint("a color b"), lint)
    assert not out.settled
    assert out.passes == 1 and out.text == "a colour b"


def test_passes_are_bounded():
    lint = _linter([("a", "aa")])
    out = fix_until_stable("a", lint("a"), lint, max_passes=3)
    assert (out.text, out.passes, out.settled) == ("a" * 8, 3, False)


# --- diff ---------------------------------------------------------------------------------

def test_unified_diff_names_the_file_and_marks_a_missing_final_newline():
    diff = unified_diff("r.txt", "one\ntwo，x", "one\ntwo, x")
    assert diff == ("--- r.txt\n+++ r.txt\n@@ -1,2 +1,2 @@\n one\n-two，x\n"
                    "\\ No newline at end of file\n+two, x\n\\ No newline at end of file\n")
    assert unified_diff("r.txt", "same", "same") == ""


# --- encodings ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, encoding, bom, expected", [
    ("a，b", "utf-8", False, b"a\xef\xbc\x8cb"),
    ("a，b", "utf-8", True, b"\xef\xbb\xbfa\xef\xbc\x8cb"),
    ("a,b", "utf-16-le", True, b"\xff\xfea\x00,\x00b\x00"),
    ("a,b", "utf-16-be", True, b"\xfe\xff\x00a\x00,\x00b"),
    ("股，b", "gb18030", False, b"\xb9\xc9\xa3\xacb"),
])
def test_encode_restores_encoding_and_bom(text, encoding, bom, expected):
    assert encode(text, encoding, bom) == expected


# --- writing ------------------------------------------------------------------------------

def test_rewrite_file_keeps_mode_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"a\xef\xbc\x8cb\r\n")
    os.chmod(path, 0o640)
    fixes.rewrite_file(str(path), "a，b\r\n", "a, b\r\n", "utf-8", False)
    assert path.read_bytes() == b"a, b\r\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.listdir(tmp_path) == ["r.txt"]


def test_rewrite_file_follows_a_symbolic_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes("a，b".encode())
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    fixes.rewrite_file(str(link), "a，b", "a, b", "utf-8", False)
    assert link.is_symlink() and real.read_bytes() == b"a, b"


@pytest.mark.parametrize("target", ["replace", "fsync"])
def test_interrupted_write_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch, target):
    path = tmp_path / "r.txt"
    original = "a，b\n".encode()
    path.write_bytes(original)

    def boom(*args, **kwargs):
        raise KeyboardInterrupt if target == "replace" else OSError(5, "Input/output error")
    monkeypatch.setattr(atomic_write.os, target, boom)
    with pytest.raises((KeyboardInterrupt, WriteRefused)):
        fixes.rewrite_file(str(path), "a，b\n", "a, b\n", "utf-8", False)
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["r.txt"]


def test_file_changed_since_it_was_read_is_left_alone(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("a，b edited by someone else\n".encode())
    with pytest.raises(WriteRefused, match="changed on disk"):
        fixes.rewrite_file(str(path), "a，b\n", "a, b\n", "utf-8", False)
    assert path.read_bytes() == "a，b edited by someone else\n".encode()


def test_fixed_text_the_encoding_cannot_hold_is_refused(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(WriteRefused, match="cannot be written as latin-1"):
        fixes.rewrite_file(str(path), "café", "café，", "latin-1", False)
    assert path.read_bytes() == b"caf\xe9"


# --- tidy edits ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, old, new, expected", [
    # a deletion between two spaces takes one of them
    ("Lakeview Dairy, etc. and other producers.", "etc.", "", "Lakeview Dairy, and other producers."),
    # before a closing mark or a line end it takes the space before it
    ("Growth was strong indeed .\n", "indeed", "", "Growth was strong .\n"),
    ("Acme opens plant in Hefei .\nText", ".", "", "Acme opens plant in Hefei\nText"),
    # after an opening mark or a line start it takes the space after it
    ("( note ) and\nthe the plant", "note", "", "( ) and\nthe the plant"),
    ("Text\nthe plant", "the", "", "Text\nplant"),
    # a comma left before a comma or a full stop goes with the item
    ("sectors such as biotech, clean energy, etc.", "etc.", "", "sectors such as biotech, clean energy."),
    ("Lenovo Group, etc., Xiaomi and BYD", "etc.", "", "Lenovo Group, Xiaomi and BYD"),
    # a deleted '.' that also ended the sentence leaves a full stop
    ("such as biotech, clean energy, etc. The fund", "etc.", "", "such as biotech, clean energy. The fund"),
    ("Backers are Lenovo and BYD etc.\n", "etc.", "", "Backers are Lenovo and BYD.\n"),
    ("Backers are Lenovo Co. Ltd.\n", "Ltd.", "", "Backers are Lenovo Co.\n"),
    # a replacement opening with a comma takes the space before it
    ("Hefei 、Wuhu and Anqing", "、", ", ", "Hefei, Wuhu and Anqing"),
    # nothing to tidy
    ("Sales rose，costs fell", "，", ", ", "Sales rose, costs fell"),
    ("the the plant", "the the", "the", "the plant"),
])
def test_apply_fixes_tidies_the_spacing_an_edit_leaves(text, old, new, expected):
    at = text.index(old)
    assert apply_fixes(text, [_fix(at, at + len(old), new)]) == (expected, 1)
