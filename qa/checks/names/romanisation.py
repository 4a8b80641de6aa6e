"""One Chinese name in two romanisations: Hanyu Pinyin beside Wade-Giles, the old postal
spellings or Hong Kong Cantonese ("Qinghua" / "Tsinghua", "Guizhou Maotai" / "Kweichow
Moutai", "Zhou Dafu" / "Chow Tai Fook").

`same_name(old, new)` is true when the letters of `old` split into syllables of an older
system that stand, one for one, for the pinyin syllables of `new`, and at least one of them
is not a pinyin syllable itself (two pinyin spellings with different syllables are
different names: "Zhejiang" / "Zhenjiang"). The syllable tables are built once, on first
use: Wade-Giles from the pinyin inventory by the system's rules (written without
apostrophes and umlauts, as the press writes it), the postal and Cantonese spellings from
short lists of the syllables that occur in the names of places, brands and people.
"""
from __future__ import annotations

from functools import cache, lru_cache

from ...text.pinyin import SYLLABLES

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
             "x", "r", "z", "c", "s", "y", "w")
_WG_INITIAL = {"b": ("p",), "p": ("p",), "d": ("t",), "t": ("t",), "g": ("k",), "k": ("k",),
               "j": ("ch",), "q": ("ch",), "x": ("hs",), "zh": ("ch",), "ch": ("ch",),
               "r": ("j",), "z": ("ts", "tz"), "c": ("ts", "tz"), "s": ("s",)}
_WG_WHOLE = {"zhi": ("chih",), "chi": ("chih",), "shi": ("shih",), "ri": ("jih",),
             "zi": ("tzu", "tsu"), "ci": ("tzu", "tsu"), "si": ("ssu", "szu", "sze"),
             "er": ("erh",), "ye": ("yeh",), "yan": ("yen",), "you": ("yu",),
             "yong": ("yung",), "yue": ("yueh",), "yi": ("i", "yi"), "e": ("o", "e")}
_O_FOR_UO = frozenset("b p m f d t n l z c s zh ch r".split())

# Old postal and common non-pinyin spellings of syllables in place and brand names.
_POSTAL = {
    "king": "jing qing", "kiang": "jiang", "kwang": "guang", "kwei": "gui", "kwai": "gui kuai",
    "chow": "zhou", "tsing": "qing jing", "tsin": "jin qin", "tao": "dao", "tow": "tou",
    "peh": "bei", "pe": "bei", "sze": "si", "hwei": "hui", "hwa": "hua", "hwang": "huang",
    "kien": "jian", "sin": "xin", "sian": "xian", "si": "xi", "mou": "mao", "soo": "su",
    "foo": "fu", "poo": "pu", "loo": "lu", "hoo": "hu", "tze": "zi", "kow": "jiu kou",
    "loon": "long", "yat": "yi", "sen": "xian", "chwan": "chuan", "chuen": "chuan",
    "yuen": "yuan", "kwo": "guo", "tsai": "cai zai", "fung": "feng", "teh": "de",
    "keh": "ge", "kiu": "jiu", "tsun": "cun zun", "tsui": "cui", "hsia": "xia",
}
# Hong Kong (Cantonese) spellings of syllables common in the names of firms and people.
_CANTONESE = {
    "chow": "zhou chou", "tai": "da dai", "fook": "fu", "luk": "liu lu", "cheung": "zhang chang xiang",
    "kong": "jiang gang guang", "hang": "heng xing", "seng": "sheng", "sun": "xin shen",
    "hung": "hong xiong", "kai": "ji qi jie", "wing": "yong rong", "lung": "long", "wah": "hua",
    "kee": "ji qi", "lee": "li", "wong": "wang huang", "chan": "chen", "ho": "he hao",
    "ng": "wu", "yip": "ye", "tsang": "zeng", "leung": "liang", "lau": "liu", "kwok": "guo",
    "tse": "xie", "chung": "zhong cong", "man": "wen min", "kwan": "guan jun kun",
    "lam": "lin", "tam": "tan", "yeung": "yang", "kam": "jin gan", "shun": "xin chen",
    "tak": "de", "siu": "xiao shao", "po": "bao bo pu", "shing": "cheng sheng",
    "hing": "xing qing", "lok": "le luo", "yau": "you qiu", "fat": "fa", "choi": "cai",
    "chiu": "zhao qiu", "kin": "jian", "keung": "qiang", "hei": "xi", "hoi": "kai hai",
    "yan": "ren yin xin en", "tin": "tian", "on": "an", "cheong": "chang xiang",
    "wai": "wei hui", "tung": "dong tong", "kwong": "kuang guang", "sang": "sheng xin",
    "yee": "yi", "oi": "ai", "fai": "hui", "san": "shan xin", "shek": "shi",
    "mei": "mei wei", "yin": "yan xian", "chau": "zhou", "tsz": "zi ci", "tsuen": "quan",
    "mong": "wang", "kok": "jiao guo", "yuk": "yu", "suk": "shu", "kwun": "guan",
    "pak": "bai bei", "sai": "xi", "chuk": "zhu", "hok": "he xue", "wo": "he",
}
MAX_OLD = 6         # the longest old syllable: cheung, cheong


def _split(p: str) -> tuple[str, str]:
    for i in _INITIALS:
        if p.startswith(i) and len(p) > len(i):
            return i, p[len(i):]
    return "", p


def _wade_giles(p: str) -> set[str]:
    """The Wade-Giles spellings of a pinyin syllable, without apostrophes and umlauts."""
    if p in _WG_WHOLE:
        return set(_WG_WHOLE[p])
    init, final = _split(p)
    finals = {"ong": ("ung",), "iong": ("iung",), "ie": ("ieh",), "ian": ("ien",),
              "ue": ("ueh",), "ve": ("ueh",), "v": ("u",), "ui": ("ui", "uei"),
              "iu": ("iu",)}.get(final, (final,))
    if final == "uo":
        finals = ("o",) if init in _O_FOR_UO else ("uo",)
    elif final == "e":
        finals = ("o",) if init in ("g", "k", "h") else ("e",)
    return {i + f for i in _WG_INITIAL.get(init, (init,)) for f in finals}


@cache
def old_syllables() -> dict[str, frozenset[str]]:
    """Old spelling -> the pinyin syllables it may stand for (identity not included)."""
    table: dict[str, set[str]] = {}
    for p in SYLLABLES:
        for w in _wade_giles(p):
            if w != p:
                table.setdefault(w, set()).add(p)
    for source in (_POSTAL, _CANTONESE):
        for old, news in source.items():
            table.setdefault(old, set()).update(news.split())
    return {k: frozenset(v & SYLLABLES) for k, v in table.items() if v & SYLLABLES}


def letters(word: str) -> str:
    """A word as the tables read it: lower case, without hyphens and apostrophes."""
    return word.lower().replace("-", "").replace("'", "").replace("’", "")


@lru_cache(maxsize=16384)
def is_romanised(word: str) -> bool:
    """The letters split into pinyin or older-system syllables (a Chinese name's word)."""
    w = letters(word)
    return w.isascii() and w.isalpha() and _splits(w)


def _splits(w: str) -> bool:
    return syllable_count(w) > 0


@lru_cache(maxsize=16384)
def syllable_count(w: str) -> int:
    """The fewest pinyin or older-system syllables that spell the letters `w` (0: none)."""
    table = old_syllables()
    n = len(w)
    best = [0] * n + [0]
    for i in range(n - 1, -1, -1):
        best[i] = min((best[j] + 1 for j in range(i + 1, min(n, i + MAX_OLD) + 1)
                       if (best[j] or j == n) and (w[i:j] in SYLLABLES or w[i:j] in table)),
                      default=0)
    return best[0]


def is_pinyin(w: str) -> bool:
    """The letters (see `letters`) split into pinyin syllables only."""
    ok = [False] * (len(w) + 1)
    ok[len(w)] = True
    for i in range(len(w) - 1, -1, -1):
        ok[i] = any(ok[j] and w[i:j] in SYLLABLES for j in range(i + 1, min(len(w), i + 6) + 1))
    return ok[0]


@lru_cache(maxsize=16384)
def same_name(old: str, new: str) -> bool:
    """`old` (letters, not pinyin) is `new` (pinyin letters) in an older romanisation,
    syllable for syllable, two syllables or more, one of them at least not pinyin."""
    if old == new or not is_pinyin(new) or is_pinyin(old):
        return False
    table = old_syllables()
    seen: set[tuple[int, int, bool]] = set()
    stack = [(0, 0, False, 0)]
    while stack:
        i, j, foreign, count = stack.pop()
        if i == len(old) and j == len(new):
            if foreign and count >= 2:
                return True
            continue
        key = (i, j, foreign)
        if key in seen or i == len(old) or j == len(new):
            continue
        seen.add(key)
        for k in range(i + 1, min(len(old), i + MAX_OLD) + 1):
            o = old[i:k]
            native = o in SYLLABLES
            for p in table.get(o, frozenset()) | ({o} if native else frozenset()):
                if new.startswith(p, j):
                    stack.append((k, j + len(p), foreign or not native, count + 1))
    return False
