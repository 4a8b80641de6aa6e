"""Word tables of the Chinese number reader (`numbers_zh`): words that merely contain a numeral,
currencies, time units, approximation words before and after a figure, and verbs of growth.

Plain data (and the trie that compiles a word list into one regex): `numbers_zh` reads
Chinese text with them.
"""

from __future__ import annotations

import re

# Words that contain a numeral but are not quantities; the numeral inside them is skipped.
IDIOM_WORDS = """
一些 一起 一方面 第一时间 统一 一带一路 十分 万一 千方百计 三农 一样 一直 一定 一切 一般 进一步 一体
一道 同一 之一 唯一 一致 一同 一旦 一边 一向 一度 一再 一系列 一批 一点 一下 一番 一律 一贯 一流 一举
一揽子 一站式 一线 一手 一行 一心 专一 一国两制 两岸 两会 三峡 万物 万众 千家万户 四面八方 五湖四海
百姓 百度 千万 万达 一把手 不一 一概 一味 十足 百货 一席 一员 一环 一部分 一次性 一级 一带 一路 两手
一流 一二线 第一 一阵 一时 一如既往 一年一度 一瞬 一体化 一键 一对一 一事一议 九州 五星红旗 一汽 一号文件
七一 八一 五一 十一 万家 千里 万里 百强 百年 千年 万年 世界500强 十全十美 一带 两翼 三位一体 四个全面
五位一体 一拖再拖 双一流 一窝蜂 一鼓作气 独一无二 一目了然 一无所有 一言一行 千载难逢 百分百 十字 万象
一人一 一户一 一村一 十九大 二十大 两个 三个 一个 一场 一项 一名 一位 一家 一种 一条 一件 一所 一座 一块
""".split()


def trie_pattern(words: list[str]) -> str:
    """One regex for a word list, nested as a trie so that each position is tried in time bounded
    by the longest word, not the number of words; at a position the longest word matches."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


IDIOMS = re.compile(trie_pattern(IDIOM_WORDS))

IDIOM_KEEP = {
    "十一",
    "五一",
    "七一",
    "八一",
    "两个",
    "三个",
    "一个",
    "一场",
    "一项",
    "一名",
    "一位",
    "一家",
    "一种",
    "一条",
    "一件",
    "一所",
    "一座",
    "一块",
    "百年",
    "千年",
    "万年",
    "第一",
    "十九大",
    "二十大",
    "一号文件",
}

CURRENCIES = tuple(
    sorted(
        {
            "元": "CNY",
            "人民币": "CNY",
            "块": "CNY",
            "美元": "USD",
            "美金": "USD",
            "新元": "SGD",
            "新加坡元": "SGD",
            "令吉": "MYR",
            "林吉特": "MYR",
            "马币": "MYR",
            "港元": "HKD",
            "港币": "HKD",
            "欧元": "EUR",
            "日元": "JPY",
            "英镑": "GBP",
            "韩元": "KRW",
            "澳元": "AUD",
            "加元": "CAD",
            "新台币": "TWD",
            "卢布": "RUB",
            "泰铢": "THB",
            "瑞郎": "CHF",
            "卢比": "INR",
            "澳门元": "MOP",
            "澳门币": "MOP",
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)
DURATIONS = (
    ("个小时", "hour"),
    ("小时", "hour"),
    ("分钟", "minute"),
    ("秒钟", "second"),
    ("个星期", "week"),
    ("个工作日", "day"),
    ("个季度", "quarter"),
    ("个月", "month"),
    ("星期", "week"),
    ("天", "day"),
    ("周", "week"),
    ("季度", "quarter"),
    ("年", "year"),
    ("秒", "second"),
)
BEFORE_APPROX = (
    ("将近", "nearly"),
    ("接近", "nearly"),
    ("近", "nearly"),
    ("大约", "about"),
    ("约合", "about"),
    ("约", "about"),
    ("超过", "over"),
    ("突破", "over"),
    ("超", "over"),
    ("逾", "over"),
    ("多于", "over"),
    ("至少", "at-least"),
    ("不少于", "at-least"),
    ("不低于", "at-least"),
    ("不到", "under"),
    ("不足", "under"),
    ("少于", "under"),
    ("不超过", "up-to"),
    ("最多", "up-to"),
    ("高达", "up-to"),
)
AFTER_APPROX = (
    ("左右", "about"),
    ("上下", "about"),
    ("以上", "at-least"),
    ("以下", "up-to"),
    ("以内", "up-to"),
    ("余", "over"),
    ("多", "over"),
)
GROWTH = tuple(
    (g, "increase") for g in ("增长", "增加", "提高", "提升", "上涨", "上升", "增", "涨", "扩大", "翻")
)
