"""The Alignment's look-ups, edge cases, the banded search, speed and the WMT pairs."""
from __future__ import annotations

import builtins
import json
import os
import random
import time

import pytest

from qa.bilingual import anchors
from qa.bilingual.align import Alignment, align, paragraphs
from qa.bilingual.align_cost import AlignParams
from qa.bilingual.align_dp import banded_align

ZH = ("星河科技发布年报\n\n星河科技3月20日发布2022年年报。"
      "公司全年营业收入达到86亿元，同比增长12%。\n\n分享到：微信 微博\n")
EN = ("Xinghe Technology releases annual report\n\nXinghe Technology released its 2022 annual report on "
      "March 20. The company's revenue for the year reached 8.6 billion yuan, up 12 percent.\n")


def test_lookups_by_offset_both_ways():
    a = align(ZH, EN)
    second = EN.index("The company")
    zh_spans = a.zh_for_en(second + 5)
    assert [ZH[s:e] for s, e in zh_spans] == ["公司全年营业收入达到86亿元，同比增长12%。"]
    back = a.en_for_zh(ZH.index("公司全年") + 2)
    assert [EN[s:e] for s, e in back] == [
        "The company's revenue for the year reached 8.6 billion yuan, up 12 percent."]
    assert a.bead_at_en(EN.index("\n\n")) is None          # between sentences: no bead
    assert a.zh_for_en(len(EN) + 10) == ()
    assert [ZH[s:e] for s, e in a.omitted] == ["分享到：微信 微博"]
    assert a.added == ()
    gap = a.gaps[0]
    assert gap.kind == "1:0" and gap.is_gap and gap.en_span is None and gap.zh_span == a.omitted[0]
    assert a.bead_at_zh(a.omitted[0][0]) is gap


def test_every_unit_is_in_exactly_one_bead_and_beads_are_in_order():
    a = align(ZH, EN)
    zh_units = [u for b in a.beads for u in b.zh]
    en_units = [u for b in a.beads for u in b.en]
    assert zh_units == sorted(set(zh_units)) and en_units == sorted(set(en_units))
    assert isinstance(a, Alignment) and 2.2 <= a.ratio <= 5.5


def test_empty_and_one_sided_texts():
    assert align("", "").beads == ()
    a = align("只有中文。第二句。", "")
    assert [b.kind for b in a.beads] == ["1:0", "1:0"]
    a = align("  \n", "Only English. Two sentences.")
    assert [b.kind for b in a.beads] == ["0:1", "0:1"]


def test_paragraph_spans_given_by_the_caller_and_crlf():
    zh = ZH.replace("\n", "\r\n")
    en = EN.replace("\n", "\r\n")
    a = align(zh, en, zh_paragraphs=paragraphs(zh), en_paragraphs=paragraphs(en))
    assert [zh[s:e] for s, e in paragraphs(zh)][0] == "星河科技发布年报"
    assert [(len(b.zh), len(b.en)) for b in a.beads] == [(1, 1), (1, 1), (1, 1), (1, 0)]


def test_parameters_can_be_fixed():
    a = align(ZH, EN, params=AlignParams(ratio=4.0, band=2))
    assert a.ratio == 4.0 and len(a.beads) == 4


def test_missing_pypinyin_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_pypinyin(name, *args, **kwargs):
        if name.startswith("pypinyin"):
            raise ImportError("No module named 'pypinyin'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypinyin)
    anchors._pinyin_function.cache_clear()
    anchors.readings.cache_clear()
    try:
        with pytest.raises(ImportError, match=r"pip install 'release-qa\[zh\]'"):
            align("华为发布新品。", "Huawei launches a product.")
    finally:
        monkeypatch.setattr(builtins, "__import__", real_import)
        anchors._pinyin_function.cache_clear()
        anchors.readings.cache_clear()


def _full_dp_cost(n, m, cost, moves):
    best = {(0, 0): 0.0}
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj in moves:
                if (i - di, j - dj) in best and (i, j) != (0, 0):
                    v = best[(i - di, j - dj)] + cost(i - di, i, j - dj, j)
                    best[(i, j)] = min(best.get((i, j), float("inf")), v)
    return best[(n, m)]


@pytest.mark.parametrize("seed", range(8))
def test_banded_search_finds_the_optimum_of_the_full_search(seed):
    rng = random.Random(seed)
    n, m = rng.randint(5, 40), rng.randint(5, 40)
    a = [rng.randint(1, 30) for _ in range(n)]
    b = [x + rng.randint(-3, 3) for x in a[:m]] + [rng.randint(1, 30) for _ in range(m - min(n, m))]
    moves = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)]

    def cost(i0, i1, j0, j1):
        if i1 == i0 or j1 == j0:
            return 4.0
        return abs(sum(a[i0:i1]) - sum(b[j0:j1])) / 2 + (0 if (i1 - i0, j1 - j0) == (1, 1) else 1.5)

    path = banded_align(n, m, moves, cost, width=1, prune=1e9)
    assert path[0][0] == 0 and path[-1][1] == n and path[-1][3] == m
    assert all(x[1] == y[0] and x[3] == y[2] for x, y in zip(path, path[1:], strict=False))
    assert sum(cost(*p[:4]) for p in path) == pytest.approx(_full_dp_cost(n, m, cost, moves))
    assert all(0.0 <= p[4] <= 1.0 for p in path)


def test_a_long_pair_aligns_in_linear_time():
    rng = random.Random(3)
    zh_paras, en_paras = [], []
    for k in range(300):
        n = rng.randint(1, 4)
        zh_paras.append("".join(f"第{k}段第{i}句提到{rng.randint(10, 9999)}家企业和{k * 7 + i}个项目。"
                                for i in range(n)))
        en_paras.append(" ".join(f"Sentence {i} of paragraph {k} mentions the companies and the projects."
                                 for i in range(n)))
    zh, en = "\n\n".join(zh_paras), "\n\n".join(en_paras)
    start = time.process_time()
    a = align(zh, en)
    assert time.process_time() - start < 10.0
    assert sum(1 for b in a.beads if b.kind == "1:1") >= 0.95 * len(a.beads)


def _wmt_pairs(limit: int):
    from tests.helpers import shared
    folder = shared("data", "wmt23-zhen-dev")
    with open(os.path.join(folder, "gold.jsonl"), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][:limit]
    for row in rows:
        with open(os.path.join(folder, row["file"]), encoding="utf-8") as fh:
            text = fh.read()
        zh, en = [], []
        for k, seg in enumerate(row["segments"]):
            sep = "\n\n" if seg["starts_paragraph"] and k else ("\n" if k else "")
            zh.append(sep + seg["source"].strip())
            en.append(sep + text[seg["start"]:seg["end"]].strip())
        yield "".join(zh), "".join(en)


def test_wmt_pairs_laid_out_line_for_line_align_line_with_line():
    """The shared WMT pairs, one segment per line on both sides: every English sentence aligns
    with the Chinese of its own line (bench/bilingual/alignment.py measures the rest)."""
    sentences = good = 0
    for zh, en in _wmt_pairs(40):
        for bead in align(zh, en).beads:
            zh_lines = {zh.count("\n", 0, s) for s, _ in bead.zh}
            for s, _ in bead.en:
                sentences += 1
                good += zh_lines == {en.count("\n", 0, s)}
    assert good >= 0.95 * sentences
