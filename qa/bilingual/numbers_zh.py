"""Numeric mentions in Chinese text: `zh_quantities(text)` -> list of `Quantity`.

Reads Arabic and Chinese numerals (full-width digits, 两, 二〇二三, 一万六七千), the scale
characters 万/亿 (215.3亿 is 21,530,000,000), approximations (余, 多, 近, 约, 超过, 逾, 左右 ...),
ranges (1200万至1400万, 3-5天), percentages (%, 百分之三十, 个百分点), multiples (19倍, 翻番),
currencies, ordinals (第十六届), years, decades, dates, datelines (3月8日电), weekdays, list
numbers and durations.  Words that merely contain a numeral (一些, 统一, 十分, 万一, 三农 ...) are
not mentions.  Chinese numerals are converted with cn2an (imported on first use); a numeral it
refuses is skipped, never raised.  One pass over the text with bounded look-around: linear time.
"""

from __future__ import annotations

import re
from decimal import Decimal

from qa.bilingual import numbers_zh_words as W
from qa.bilingual.cn_numerals import CN_DIGITS, CN_UNITS, cn_number, cn_range
from qa.bilingual.numbers_zh_ranges import merge_ranges
from qa.bilingual.numbers_zh_special import special_mentions
from qa.bilingual.numbers_zh_units import ADDED as _ADDED
from qa.bilingual.numbers_zh_units import FollowingWords
from qa.bilingual.numbers_zh_units import ends as _ends
from qa.bilingual.numbers_zh_units import starts as _starts
from qa.bilingual.quantities import Quantity, to_decimal

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％－～，", "0123456789.%-~,")

_CORE = re.compile(
    rf"(?P<ar>\d+(?:,\d{{3}})*(?:\.\d+)?)|(?P<cn>[{CN_DIGITS}{CN_UNITS}]+"
    rf"(?:点[{CN_DIGITS}]+)?)"
)
_WEEKDAY_NAMED = re.compile(r"(?:星期|礼拜|周)[日天]")
_CLOCK = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})|\d{1,2}:\d{2}(?::\d{2})?)(?!\d)"
)
_SI_AFTER_THOUSAND = "瓦米克卡帕伏焦赫"
_SCALE_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_MAX_DIGITS = 24  # a longer run of digits is no figure (and Decimal to int is not linear)
_UNIT_START = "年月日号天倍万亿元%个周小分秒美港欧英新令"

# 数 ending a noun ("人数" number of people, "总数" total, "指数" index): the figure after it is
# that noun's value, not "several ..." (数万 / 数10万)
_SHU_NOUNS = frozenset("人总次户件个指系基岁分票台家位项参函场架辆艘名股笔单")


def _counted_noun(text: str, start: int, words: bool) -> bool:
    """True when the 数 before `start` ends a noun such as 人数, so that the number after it is
    a value (购物人数676.5万人次: 6.765 million visits), not a vague 'several'."""
    if text[start - 1 : start] != "数" or start < 2:
        return False
    if not words and "." in text[start : start + 12].split("万")[0].split("亿")[0]:
        return True                     # "数676.5万" cannot mean several: a decimal is exact
    return text[start - 2] in _SHU_NOUNS


def _is_label(text: str, start: int, end: int) -> bool:
    """Digits that belong to a name or code: G20, F-22, Mate60, 5G, 600884.SH."""
    before = text[max(0, start - 2) : start]
    if (
        before[-1:].isascii()
        and before[-1:].isalpha()
        or (before[-1:] == "-" and before[:1].isascii() and before[:1].isalpha())
    ):
        return True
    after = text[end : end + 2]
    return (
        after[:1].isascii()
        and after[:1].isalpha()
        or (after[:1] == "." and after[1:].isascii() and after[1:].isalpha())
    )


def _idiom_mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    for match in W.IDIOMS.finditer(text):
        if match.group() in W.IDIOM_KEEP:
            continue
        mask[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return mask


class _Reader(FollowingWords):
    """One left-to-right pass; `out` collects the mentions."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = raw.translate(_FULL_WIDTH)
        self.mask = _idiom_mask(self.text)
        self.out: list[Quantity] = []

    def run(self) -> list[Quantity]:
        text, pos = self.text, 0
        for match in _CLOCK.finditer(text):
            self.mask[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            if match.group("y"):
                year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
                if 1 <= month <= 12 and 1 <= day <= 31:
                    self.add(self.make(match.start(), match.end(), "date", year=year, month=month, day=day))
        for start, end, kind, fields in special_mentions(text):
            if any(self.mask[start:end]) and kind != "multiple":
                continue            # inside a clock time or a date such as 2023-02-11
            self.mask[start:end] = b"\x01" * (end - start)
            if fields.get("approx") is None and kind != "ordinal":
                before = _ends(text, start, W.BEFORE_APPROX)
                after = _starts(text, end, W.AFTER_APPROX[:5])
                if after:
                    end = end + len(after[0])
                approx = after[1] if after else before[1] if before else None
                qualifier = before[0] if before and not after else None
                fields = {**fields, "approx": approx, "qualifier": qualifier}
            self.add(self.make(start, end, kind, **fields))
        while True:
            match = _CORE.search(text, pos)
            if match is None:
                break
            pos = self.read(match) or match.end()
        for match in _WEEKDAY_NAMED.finditer(text):
            self.out.append(self.make(match.start(), match.end(), "weekday", weekday=6))
        self.out.sort(key=lambda q: q.start)
        return merge_ranges(self.text, self.raw, self.out)

    def make(self, start: int, end: int, kind: str, **fields: object) -> Quantity:
        return Quantity(start=start, end=end, text=self.raw[start:end], kind=kind, **fields)  # type: ignore[arg-type]

    def read(self, match: re.Match[str]) -> int | None:
        """Read one mention starting with `match`; returns where scanning goes on (None: after it)."""
        text, start, end = self.text, match.start(), match.end()
        core = match.group()
        words = match.group("cn") is not None
        if any(self.mask[start:end]) or len(core) > _MAX_DIGITS:
            return None
        if not words and _is_label(text, start, end):
            value = to_decimal(core)
            return self.add(self.make(start, end, "label", value=value)) if value is not None else None
        prev = text[max(0, start - 3) : start]
        if words and core in "一二三四五六日" and len(core) == 1 and re.search(r"(?:星期|礼拜|周)$", prev):
            if not (start >= 3 and text[start - 2] in CN_DIGITS + CN_UNITS) and not text.startswith(
                ("年", "期", "边", "围", "末", "内", "岁"), end
            ):
                weekday = "一二三四五六日".index(core)
                cut = start - (1 if text[start - 1] == "周" else 2)
                shift = {"上": "last-week", "下": "next-week", "本": "this-week", "这": "this-week"}.get(
                    text[cut - 1 : cut] if cut > 0 else ""
                )
                cut -= shift is not None and text[cut - 2 : cut - 1] != "上"  # not 上上周六
                return self.add(self.make(cut, end, "weekday", weekday=weekday, words=True, role=shift))
        if text.startswith("分之", end):
            return self.read_fraction(core, start, end + 2)
        if words:
            span = cn_range(core)
            if span is not None:
                return self.read_tail(start, end, None, span, words=True)
            if not any(c in CN_UNITS for c in core) and len(core) == 2 and not text.startswith("年", end):
                return None
            if core[0] in "千万亿" and not re.match(r"(?:[元美港欧日]|亿|级|人民币)", text[end : end + 3]):
                if not re.search(r"[数几上]$", prev):
                    return None
            value = cn_number(core)
        else:
            value = to_decimal(core)
        if value is None:
            return None
        return self.read_tail(start, end, value, None, words=words)

    def read_fraction(self, core: str, start: int, pos: int) -> int | None:
        text = self.text
        nxt = _CORE.match(text, pos)
        if nxt is None:
            return None
        number = cn_number(nxt.group()) if nxt.group("cn") else to_decimal(nxt.group())
        if number is None:
            return None
        if core in ("百", "千", "万"):
            per = {"百": 1, "千": Decimal("0.1"), "万": Decimal("0.01")}[core]
            return self.read_tail(start, nxt.end(), number * per, None, words=True, percent=True)
        whole = cn_number(core)
        if whole is None or whole == 0:
            return None
        return self.add(self.make(start, nxt.end(), "fraction", value=number / whole, words=True))

    def read_tail(
        self,
        start: int,
        end: int,
        value: Decimal | None,
        span: tuple[Decimal, Decimal] | None,
        *,
        words: bool,
        percent: bool = False,
    ) -> int | None:
        text = self.text
        figure, scale_value = value, Decimal(1)
        approx = None
        core = text[start:end]
        if words and value is not None:
            big = re.search(r"(万亿|亿|万)$", core)
            if (
                big
                and len(core) > len(big.group())
                and "万" not in core[: -len(big.group())].replace("万亿", "")
                and "亿" not in core[: -len(big.group())]
            ):
                figure = cn_number(core[: -len(big.group())])
                scale_value = Decimal(10**12 if big.group() == "万亿" else _SCALE_VALUE[big.group()])
                if figure is None or figure * scale_value != value:
                    figure, scale_value = value, Decimal(1)
        pos = self.sp(end) if not words else end
        if text.startswith(("余", "多"), pos) and pos + 1 < len(text) and text[pos + 1] in "十百千万亿":
            approx, pos = "over", pos + 1
        scale_start = pos
        while pos < len(text) and pos - scale_start < 3 and text[pos] in "百千万亿" + ("" if words else "十"):
            pos += 1
        if (
            pos > scale_start
            and text[pos - 1] == "千"
            and pos < len(text)
            and text[pos] in _SI_AFTER_THOUSAND
        ):
            pos -= 1  # 千瓦, 千米: an SI prefix, not a scale
        if pos > scale_start:
            if words and approx is None:
                return None  # a numeral run always takes its own scale characters
            factor = Decimal(1)
            for char in text[scale_start:pos]:
                factor *= _SCALE_VALUE[char]
            scale_value *= factor
            if value is not None:
                value *= factor
            if span is not None:
                span = (span[0] * factor, span[1] * factor)
        fields: dict[str, object] = {"words": words}
        after = _starts(text, pos, W.AFTER_APPROX[5:]) if approx is None else None
        if after:
            approx, pos = after[1], pos + 1
        before = _ends(text, start, W.BEFORE_APPROX)
        if before and approx is None:
            approx = before[1]
            fields["qualifier"] = before[0]
        fields["approx"] = approx
        vague = re.search(r"[数几上]$", text[max(0, start - 1) : start]) is not None and span is None \
            and not _counted_noun(text, start, words)
        if vague and value is not None:
            span, value = (value * 2, value * 10) if text[start - 1] != "上" else (value, value * 10), None
        if span is not None:
            fields["low"], fields["high"] = span
        else:
            fields["value"] = value
            if figure is not None and figure != value:
                fields["figure"], fields["scale"] = figure, scale_value
        kind, unit, pos = self.kind_after(start, pos, value, percent, words, vague)
        if kind is None:
            return None
        if isinstance(unit, str) and unit.startswith(_ADDED):
            return pos
        if kind == "number" and span is not None:
            kind = "vague" if vague else "range"
        elif kind != "number" and vague:
            kind = "vague"
        elif span is not None and kind not in ("vague",):
            fields["role"] = kind
            kind = "range"
        if unit:
            fields["unit"] = unit
        tail = _starts(text, pos, W.AFTER_APPROX[:5])
        if tail and fields.get("approx") is None:
            fields["approx"], pos = tail[1], pos + len(tail[0])
        if kind in ("multiple", "percent", "percentage-point") and _ends(text, start, W.GROWTH):
            fields["role"] = "increase"
        if text.startswith("第", start - 1) and kind in ("number", "ordinal"):
            kind, start = "ordinal", start - 1
        return self.add(self.make(start - 1 if vague else start, pos, kind, **fields))

    def sp(self, pos: int) -> int:
        """Past up to two spaces when a unit character follows them (1989 年11 月, 3.70 %)."""
        text = self.text
        skip = pos
        while skip < len(text) and skip - pos < 2 and text[skip] == " ":
            skip += 1
        return skip if skip > pos and skip < len(text) and text[skip] in _UNIT_START else pos

    def add(self, quantity: Quantity) -> int:
        self.out.append(quantity)
        return quantity.end


def zh_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order; spans are code-point offsets into `text`."""
    return _Reader(text).run()
