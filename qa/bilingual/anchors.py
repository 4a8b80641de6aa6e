"""Anchors that survive translation from Chinese to English, as comparable keys per text unit.

Each unit (a sentence or a paragraph, given as a code-point span) gets a set of string keys; a key
found in a Chinese unit and in an English unit is evidence that one translates the other:

* ``n:<value>`` numbers. Arabic numerals on both sides ("3,000", "3.5", full-width digits), Chinese
  numerals read cheaply ("二十三", "两千", "二〇二三年", "第三"; a bare numeral only before a
  measure word such as 年 个 家 元, or after 第, so "一些" and "十分" are not numbers), English
  number words ("two", "twelve", "third"), English month names (February -> 2, matching 2月).
  A magnitude gives a second key for the full value: 3万 -> 3 and 30000, 1.2亿 -> 1.2 and 120000000,
  "120 million" -> 120 and 120000000. The value 1 is dropped (it is everywhere: "a", "one", 一).
* ``l:<token>`` Latin-script tokens of the Chinese text ("5G", "CEO", "iPhone", "COVID-19"), matched
  case-insensitively in the English ("Huawei's" counts as "huawei").
* ``p:<pinyin>`` names: runs of 2-4 Han characters whose toneless pinyin (any reading, from
  pypinyin) spells one capitalised English word or two or three consecutive ones joined ("Huawei",
  "Shenzhen", "Ruifei", "Zhang Lei", "Lei Zhang" -> zhanglei), at least 4 letters long.
* ``q:quote`` / ``q:paren`` / ``q:ask`` punctuation that translation keeps: 《》 or “” against
  quotation marks, brackets against brackets, question marks against question marks; ``q:tail``
  a headline's site tail ("...-中新网" against "... - China News Network", "... | Xinhua").

`anchor_sets` computes the keys of both sides and keeps only those present on both (a key with no
counterpart anywhere cannot tell an alignment from another); `weights` scores each key by its
kind and its rarity. Every scan is a regex pass or a bounded walk per character: linear.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

Span = tuple[int, int]

# Weight of one shared key of each kind before the rarity factor (see `weights`); a site tail is
# as telling as a number, the other punctuation keys much less.
KIND_WEIGHT = {"n": 1.0, "l": 1.0, "p": 1.0, "q": 0.3, "q:tail": 1.0}

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
# measure words and units after which a bare Chinese numeral is a number
_MEASURE = frozenset("年月日号天周个名位家项次岁条种所座件只台辆倍人元美镑米吨届期批轮部款场股小季度层栋架艘"
                     "颗枚篇本份套组支队国省市县区村户大成%％")
_ZH_NUM = re.compile(
    r"(?P<ar>\d++(?:,\d{3})*+(?:\.\d++)?+)(?P<approx>[多余几]?)(?P<mag>[十百千万亿]*+)"
    r"|(?P<cn>[零〇一二两三四五六七八九十百千万亿]++)(?:[多余几](?P<cmag>[万亿]++))?+")
_EN_NUM = re.compile(
    r"(?<![A-Za-z0-9.,])(?P<int>\d{1,3}(?:,\d{3})++|\d++)(?P<frac>\.\d++)?+(?:st|nd|rd|th|s)?+"
    r"(?![A-Za-z0-9])(?:[\s-]*+(?P<mag>hundred|thousand|million|billion|trillion)\b)?+"
    r"|\b(?P<word>[A-Za-z]++)\b(?:[\s-]*+(?P<wmag>hundred|thousand|million|billion|trillion)\b)?+")
_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                  "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000})
_EN_WORDS.update({w: i + 2 for i, w in enumerate(
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())})
_MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
_MONTHS.update({m: i + 1 for i, m in enumerate(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())})
_MONTHS["Sept"] = 9
_EN_MAG = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_LATIN = re.compile(r"(?<![A-Za-z0-9])[0-9]*+[A-Za-z][A-Za-z0-9]*+(?:[-.&+'’][A-Za-z0-9]++)*+")
_CAPITAL = re.compile(r"[A-Z][a-z]++(?:['’-][a-z]++)?+|[A-Z]{4,}+")
# a site's name after a dash or bar at the end of a headline
_ZH_TAIL = re.compile(
    r"[-－—–|｜_]\s*[\u4e00-\u9fffA-Za-z.]{2,10}(?:网|报|社|台|频道|新闻|在线|客户端|\.com|\.cn)$")
_EN_TAIL = re.compile(
    r"\s?[-–—|]\s*+(?:[A-Z][\w.']*+\s?+){1,5}+\.?$|\s?[-–—|]\s*+[\w.]++\.(?:com|cn|net|org)\.?$")
_NAME_WORD_MIN = 4         # shortest pinyin spelling kept as a name key
_WINDOW = (2, 4)           # Han characters per name window


class MissingDependency(ImportError):
    """An optional dependency of bilingual mode is not installed."""


@lru_cache(maxsize=1)
def _pinyin_function():
    try:
        from pypinyin import Style, pinyin
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise MissingDependency(
            "bilingual mode needs pypinyin to compare names: pip install 'release-qa[zh]'") from exc
    return lambda ch: pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")


@lru_cache(maxsize=65536)
def readings(ch: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one Han character ('lv' also as 'lu')."""
    out: list[str] = []
    for group in _pinyin_function()(ch):
        for r in group:
            for form in (r, r.replace("v", "u").replace("ü", "u")):
                if form.isascii() and form.isalpha() and form not in out:
                    out.append(form)
    return tuple(out)


def _value_key(v: float) -> str | None:
    if v == 1 or v < 0 or v != v or v > 1e18:
        return None
    return "n:" + format(v, ".6g")


def chinese_numeral(run: str) -> float | None:
    """The value of a run of Chinese numerals ("二十三", "两千五百", "三万亿", "二〇二三")."""
    if all(ch in _CN_DIGIT for ch in run):
        return float("".join(str(_CN_DIGIT[ch]) for ch in run)) if len(run) > 1 else float(_CN_DIGIT[run])
    total, section, num, top = 0.0, 0.0, 0.0, 0.0
    for ch in run:
        if ch in _CN_DIGIT:
            num = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            section += (num or 1) * _CN_SMALL[ch]
            num = 0
        else:
            big = _CN_BIG[ch]
            if big > top:
                total = (total + section + num) * big
                top = big
            else:
                total += (section + num) * big
            section = num = 0
    return total + section + num


def _zh_numbers(t: str, keys: set[str]) -> None:
    for m in _ZH_NUM.finditer(t):
        if m.group("ar"):
            v = float(m.group("ar").replace(",", ""))
            for k in (_value_key(v),):
                if k:
                    keys.add(k)
            mag = m.group("mag")
            if mag:
                factor = 1.0
                for ch in mag:
                    factor *= _CN_SMALL.get(ch) or _CN_BIG[ch]
                k = _value_key(v * factor)
                if k:
                    keys.add(k)
            continue
        run, cmag = m.group("cn"), m.group("cmag")
        if run.strip("万亿") == "":
            continue
        prev = t[m.start() - 1] if m.start() else ""
        nxt = t[m.end()] if m.end() < len(t) else ""
        digits_only = all(ch in _CN_DIGIT for ch in run)
        if digits_only and len(run) > 1:
            ok = len(run) == 4 or nxt == "年"          # a year written digit by digit
        else:   # "二十三", "三个", "第三", "百分之十五", "二十多万"
            ok = len(run) >= 3 or nxt in _MEASURE or prev in ("第", "之") or bool(cmag)
        if ok:
            value = chinese_numeral(run)
            for k in (_value_key(value), _value_key(value * chinese_numeral("一" + cmag)) if cmag else None):
                if k:
                    keys.add(k)


def _en_numbers(t: str, keys: set[str]) -> None:
    for m in _EN_NUM.finditer(t):
        if m.group("int"):
            v = float(m.group("int").replace(",", "") + (m.group("frac") or ""))
            mag = m.group("mag")
        else:
            word = m.group("word")
            if word in _MONTHS and word[0].isupper():
                k = _value_key(_MONTHS[word])
                if k:
                    keys.add(k)
                continue
            low = word.lower()
            if low not in _EN_WORDS:
                continue
            v = float(_EN_WORDS[low])
            mag = m.group("wmag")
        k = _value_key(v)
        if k:
            keys.add(k)
        if mag:
            k = _value_key(v * _EN_MAG[mag])
            if k:
                keys.add(k)


def _latin(t: str, keys: set[str], english: bool) -> None:
    for m in _LATIN.finditer(t):
        tok = m.group(0).lower()
        if english and (tok.endswith("'s") or tok.endswith("’s")):
            tok = tok[:-2]
        if len(tok) >= 2:
            keys.add("l:" + tok)


def _punctuation(t: str, keys: set[str], english: bool) -> None:
    if len(t) <= 300 and (_EN_TAIL if english else _ZH_TAIL).search(t):
        keys.add("q:tail")
    if english:
        if t.count('"') >= 2 or ("“" in t and "”" in t):
            keys.add("q:quote")
    elif "《" in t or ("“" in t and "”" in t):
        keys.add("q:quote")
    if "(" in t or "（" in t:
        keys.add("q:paren")
    if "?" in t or "？" in t:
        keys.add("q:ask")


def _fold(word: str) -> str:
    """'Xi'an' -> 'xian', "Huawei's" -> 'huawei'."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.lower().replace("'", "").replace("’", "").replace("-", "")


def english_names(en_text: str, en_spans: list[Span]) -> list[set[str]]:
    """Per English unit: its capitalised words, and runs of two or three of them joined (both orders
    for two), folded to lower-case letters, at least `_NAME_WORD_MIN` long."""
    out = []
    for s, e in en_spans:
        words = [(m.start(), m.end(), _fold(m.group(0))) for m in _CAPITAL.finditer(en_text, s, e)]
        names: set[str] = set()
        for i, (_, end_i, w) in enumerate(words):
            names.add(w)
            if i + 1 < len(words) and en_text[end_i:words[i + 1][0]] == " ":
                nxt = words[i + 1][2]
                names.add(w + nxt)
                names.add(nxt + w)
                if i + 2 < len(words) and en_text[words[i + 1][1]:words[i + 2][0]] == " ":
                    names.add(w + nxt + words[i + 2][2])
        out.append({n for n in names if len(n) >= _NAME_WORD_MIN})
    return out


def _zh_names(t: str, candidates: set[str], prefixes: set[str], keys: set[str]) -> None:
    lo, hi = _WINDOW
    for p in range(len(t)):
        frontier = [""]
        for k in range(hi):
            if p + k >= len(t) or not ("\u4e00" <= t[p + k] <= "\u9fff"):
                break
            grown = [acc + r for acc in frontier for r in readings(t[p + k]) if acc + r in prefixes]
            if not grown:
                break
            frontier = grown[:16]
            if k + 1 >= lo:
                keys.update("p:" + s for s in frontier if s in candidates)


def anchor_sets(zh_text: str, zh_spans: list[Span], en_text: str, en_spans: list[Span]
                ) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Keys of every Chinese and every English unit, restricted to keys found on both sides."""
    en_names = english_names(en_text, en_spans)
    candidates = set().union(*en_names) if en_names else set()
    prefixes = {c[:i] for c in candidates for i in range(1, len(c) + 1)}
    zh_keys = []
    for s, e in zh_spans:
        t = unicodedata.normalize("NFKC", zh_text[s:e])
        keys: set[str] = set()
        _zh_numbers(t, keys)
        _latin(t, keys, english=False)
        _punctuation(zh_text[s:e], keys, english=False)
        if candidates:
            _zh_names(t, candidates, prefixes, keys)
        zh_keys.append(keys)
    en_keys = []
    for (s, e), names in zip(en_spans, en_names, strict=True):
        t = en_text[s:e]
        keys = {"p:" + n for n in names}
        _en_numbers(t, keys)
        _latin(t, keys, english=True)
        _punctuation(t, keys, english=True)
        en_keys.append(keys)
    shared = set().union(*zh_keys) & set().union(*en_keys) if zh_keys and en_keys else set()
    return ([frozenset(k & shared) for k in zh_keys], [frozenset(k & shared) for k in en_keys])


def weights(zh_sets: list[frozenset[str]], en_sets: list[frozenset[str]]) -> dict[str, float]:
    """Weight of each key: its kind's weight times a rarity factor log(1 + N/df) / log(1 + N/2),
    where N counts the units of both sides and df those holding the key; a key in one unit on each
    side weighs its kind's weight, a key in every unit about a third of it."""
    df: dict[str, int] = {}
    for keys in zh_sets:
        for k in keys:
            df[k] = df.get(k, 0) + 1
    for keys in en_sets:
        for k in keys:
            df[k] = df.get(k, 0) + 1
    n = max(len(zh_sets) + len(en_sets), 2)
    norm = math.log(1 + n / 2)
    return {k: KIND_WEIGHT.get(k, KIND_WEIGHT[k[0]]) * min(1.0, math.log(1 + n / c) / norm)
            for k, c in df.items()}
