"""Word tables of the English number reader (`numbers_en`): number words, scale words, ordinals,
months, weekdays, fractions, vague plurals, approximation phrases, currencies and time units.

Plain data, no logic: `numbers_en` reads English text with them.
"""

from __future__ import annotations

from decimal import Decimal

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "mn": Decimal(10) ** 6,
    "bn": Decimal(10) ** 9,
    "m": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "k": Decimal(10) ** 3,
    "tn": Decimal(10) ** 12,
    "dozen": Decimal(12),
}
BIG = ("thousand", "million", "billion", "trillion", "mn", "bn", "tn")
ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
ORDINALS |= {
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
MONTHS = {
    m.lower(): i + 1
    for i, m in enumerate(
        "January February March April May June July August September October November December".split()
    )
}
MONTHS |= {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    d.lower(): i for i, d in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
}
FRACTIONS = {
    "half": Decimal("0.5"),
    "third": Decimal(1) / 3,
    "quarter": Decimal("0.25"),
    "thirds": Decimal(2) / 3,
    "quarters": Decimal("0.75"),
    "fifth": Decimal("0.2"),
}
VAGUE = {
    "dozens": Decimal(12),
    "tens": Decimal(10),
    "hundreds": Decimal(100),
    "thousands": Decimal(1000),
    "millions": Decimal(10) ** 6,
    "billions": Decimal(10) ** 9,
    "trillions": Decimal(10) ** 12,
}
APPROX = {
    ("more", "than"): "over",
    ("over",): "over",
    ("above",): "over",
    ("exceeding",): "over",
    ("in", "excess", "of"): "over",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("close", "to"): "nearly",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("some",): "about",
    ("estimated",): "about",
    ("up", "to"): "up-to",
    ("as", "many", "as"): "up-to",
    ("as", "much", "as"): "up-to",
    ("at", "least"): "at-least",
    ("no", "less", "than"): "at-least",
    ("less", "than"): "under",
    ("fewer", "than"): "under",
    ("under",): "under",
    ("below",): "under",
    ("nearly", "half"): "nearly",
}
CURRENCY_BEFORE = {
    "$": "USD",
    "US$": "USD",
    "S$": "SGD",
    "HK$": "HKD",
    "NT$": "TWD",
    "A$": "AUD",
    "C$": "CAD",
    "RM": "MYR",
    "RMB": "CNY",
    "CNY": "CNY",
    "USD": "USD",
    "SGD": "SGD",
    "HKD": "HKD",
    "MYR": "MYR",
    "EUR": "EUR",
    "¥": "CNY",
    "€": "EUR",
    "£": "GBP",
    "JPY": "JPY",
    "GBP": "GBP",
    "yuan": "CNY",
}
CURRENCY_AFTER = {
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "euros": "EUR",
    "euro": "EUR",
    "ringgit": "MYR",
    "yen": "JPY",
    "won": "KRW",
    "baht": "THB",
    "rupees": "INR",
    "rubles": "RUB",
    "roubles": "RUB",
    "usd": "USD",
    "sgd": "SGD",
    "hkd": "HKD",
    "myr": "MYR",
    "eur": "EUR",
    "patacas": "MOP",
}
DOLLAR_KINDS = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "singapore": "SGD",
    "hong kong": "HKD",
    "hk": "HKD",
    "australian": "AUD",
    "canadian": "CAD",
    "taiwan": "TWD",
    "new taiwan": "TWD",
    "new zealand": "NZD",
}
TIME = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}
YEAR_BEFORE = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "to",
    "year",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "through",
    "and",
    "between",
    "fiscal",
}

#: A word before a weekday that moves it off the current week: "last Saturday", "next Monday".
WEEK_SHIFT = {"last": "last-week", "past": "last-week", "previous": "last-week", "next": "next-week",
              "coming": "next-week", "following": "next-week", "this": "this-week"}

#: Nouns after which a cardinal stands for an ordinal: "No. 5", "Phase 2", "Article 3".
NUMBERED = frozenset(
    """
    no number phase round article chapter session section part item level grade class stage lot
    volume vol season episode edition batch group tier category line term plenum plenary step
    """.split()
)
