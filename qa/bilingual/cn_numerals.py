"""Chinese numerals to values: `cn_number('一千二百万')` -> 12000000, and the run-together ranges
Chinese writes with two adjacent digits (`cn_range('一万六七千')` -> (16000, 17000)).

Conversion is done by cn2an, imported on first use; a numeral it refuses gives None, never an
exception. Runs longer than `MAX_RUN` characters are refused outright (no figure is that long).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from decimal import Decimal

CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CN_UNITS = "十百千万亿拾佰仟"
DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
MAX_RUN = 20

_converter: Callable[[str, str], object] | None = None


def _cn2an() -> Callable[[str, str], object]:
    global _converter
    if _converter is None:
        try:
            from cn2an import cn2an as convert
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise ImportError("Chinese numerals need cn2an: pip install 'release-qa[zh]'") from error
        _converter = convert
    return _converter


def cn_number(run: str) -> Decimal | None:
    """The value of a run of Chinese numerals (一千二百万, 二〇二三, 两, 一点五), or None."""
    if not run or len(run) > MAX_RUN:
        return None
    if run[0] in CN_UNITS and run[0] not in "十拾":
        run = "一" + run  # 千亿 is one hundred billion
    convert = _cn2an()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = convert(run, "normal")
    except Exception:  # cn2an raises ValueError and others on forms it does not know
        return None
    if not isinstance(result, int | float):
        return None
    return Decimal(str(result)).normalize() if isinstance(result, float) else Decimal(result)


def cn_range(run: str) -> tuple[Decimal, Decimal] | None:
    """一万六七千 -> (16000, 17000); 三四十 -> (30, 40); 十五六 -> (15, 16)."""
    has_unit = any(c in CN_UNITS for c in run)
    if not has_unit and len(run) != 2:
        return None
    for i in range(len(run) - 1):
        a, b = DIGIT_VALUE.get(run[i]), DIGIT_VALUE.get(run[i + 1])
        if a is None or b is None or b != a + 1 or a == 0:
            continue
        if i + 2 < len(run) and run[i + 2] not in CN_UNITS:
            continue
        low, high = cn_number(run[:i] + run[i] + run[i + 2 :]), cn_number(run[:i] + run[i + 1] + run[i + 2 :])
        if low is not None and high is not None:
            return low, high
    return None
