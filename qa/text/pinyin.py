"""Hanyu Pinyin as data: the toneless syllable inventory and common Chinese surnames.

Used by the person-name rules to tell a romanised Chinese name ("Wang Zhijun") from an
English word or a foreign name ("Park", "Kittler"): a Chinese given name is one to three
pinyin syllables written as one word, a surname is one of a closed list. Everything here is
plain data plus one small segmenter; importing it costs well under a millisecond.
"""
from __future__ import annotations

from functools import lru_cache

# Toneless syllables (ü written as v, and the -ue spellings after n/l as well).
_SYLLABLES_BY_INITIAL = {
    "": "a ai an ang ao e ei en eng er o ou yi ya yao ye you yan yin yang ying yong yu yue "
        "yuan yun wu wa wai wan wang wei wen weng wo",
    "b": "a ai an ang ao ei en eng i ian iao ie in ing o u",
    "p": "a ai an ang ao ei en eng i ian iao ie in ing o ou u",
    "m": "a ai an ang ao e ei en eng i ian iao ie in ing iu o ou u",
    "f": "a an ang ei en eng o ou u",
    "d": "a ai an ang ao e ei en eng i ia ian iao ie ing iu ong ou u uan ui un uo",
    "t": "a ai an ang ao e eng i ian iao ie ing ong ou u uan ui un uo",
    "n": "a ai an ang ao e ei en eng i ian iang iao ie in ing iu ong ou u uan uo v ve ue",
    "l": "a ai an ang ao e ei eng i ia ian iang iao ie in ing iu o ong ou u uan un uo v ve ue",
    "g": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "k": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "h": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "j": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "q": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "x": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "zh": "a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo",
    "ch": "a ai an ang ao e en eng i ong ou u ua uai uan uang ui un uo",
    "sh": "a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo",
    "r": "an ang ao e en eng i ong ou u ua uan ui un uo",
    "z": "a ai an ang ao e ei en eng i ong ou u uan ui un uo",
    "c": "a ai an ang ao e en eng i ong ou u uan ui un uo",
    "s": "a ai an ang ao e en eng i ong ou u uan ui un uo",
}

SYLLABLES: frozenset[str] = frozenset(
    initial + final
    for initial, finals in _SYLLABLES_BY_INITIAL.items()
    for final in finals.split()
)
_LONGEST = max(map(len, SYLLABLES))

# Single and compound surnames as romanised in mainland pinyin (capitalised as written).
SURNAMES: frozenset[str] = frozenset("""
Ai An Ao Ba Bai Ban Bao Bei Bi Bian Bo Bu Cai Cao Cen Chai Chang Chao Che Chen Cheng Chi
Chu Cong Cui Dai Dan Deng Di Diao Ding Dong Dou Du Duan Fan Fang Fei Feng Fu Gan Gao Ge
Geng Gong Gou Gu Guan Gui Guo Han Hao He Hong Hou Hu Hua Huang Huo Ji Jia Jian Jiang Jiao
Jin Jing Ju Kang Ke Kong Kou Kuang Lai Lan Lang Lei Leng Li Lian Liang Liao Lin Ling Liu
Long Lou Lu Luan Luo Lv Ma Mai Man Mao Mei Meng Mi Miao Min Ming Mo Mou Mu Na Ni Nie Ning
Niu Nong Ou Pan Pang Pei Peng Pi Ping Pu Qi Qian Qiao Qin Qiu Qu Quan Ran Rao Ren Rong Ru
Ruan Rui Sang Sha Shan Shang Shao She Shen Sheng Shi Shu Si Song Su Sui Sun Tai Tan Tang
Tao Teng Tian Tong Tu Wan Wang Wei Wen Weng Wu Xi Xia Xian Xiang Xiao Xie Xin Xing Xiong
Xu Xue Yan Yang Yao Ye Yi Yin Ying You Yu Yuan Yue Yun Zang Zeng Zha Zhai Zhan Zhang Zhao
Zhen Zheng Zhong Zhou Zhu Zhuang Zhuo Zong Zou Zu Zuo
Ouyang Situ Sima Zhuge Shangguan Dongfang Huangfu Yuwen Gongsun Murong Linghu Xiahou
Zhangsun Weichi Duanmu Ximen Nangong
""".split())


@lru_cache(maxsize=4096)
def syllable_count(word: str) -> int:
    """Fewest pinyin syllables that spell `word` exactly (0 when it is not pinyin).

    Case-insensitive; an apostrophe or right quote marks a forced syllable break
    ("Ping'an"). A word is also accepted when it splits only at the breaks it shows.
    """
    total = 0
    for piece in word.lower().replace("’", "'").split("'"):
        n = _segment(piece)
        if n == 0:
            return 0
        total += n
    return total


def _segment(piece: str) -> int:
    if not piece or not piece.isascii() or not piece.isalpha():
        return 0
    best = [0] + [10 ** 6] * len(piece)         # best[i]: fewest syllables for piece[:i]
    for i in range(1, len(piece) + 1):
        for k in range(max(0, i - _LONGEST), i):
            if best[k] < 10 ** 6 and piece[k:i] in SYLLABLES:
                best[i] = min(best[i], best[k] + 1)
    return best[-1] if best[-1] < 10 ** 6 else 0


# tone-marked vowels of Hanyu Pinyin (lower case, then capitals) and their toneless letters
# (ü as v, as in SYLLABLES)
TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_TONELESS = str.maketrans(TONED_VOWELS + "ĀÁǍÀĒÉĚÈŌÓǑÒ",
                          "aaaaeeeeiiiioooouuuuvvvvvAAAAEEEEOOOO")


def toneless(word: str) -> str:
    """'chéngguǒ' -> 'chengguo': pinyin with its tone marks taken off."""
    return word.translate(_TONELESS) if not word.isascii() else word


def is_pinyin(word: str, max_syllables: int = 3) -> bool:
    """True when `word` is one to `max_syllables` pinyin syllables written as one word."""
    return 0 < syllable_count(word) <= max_syllables


def is_given_name(word: str) -> bool:
    """A pinyin given name as written in English: capitalised, no inner capital, 1-2 syllables."""
    rest = word[1:].replace("'", "").replace("’", "")
    return len(word) >= 2 and word[0].isupper() and rest.islower() and is_pinyin(word, 2)


def is_surname(word: str) -> bool:
    return word in SURNAMES
