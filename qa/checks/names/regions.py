"""Name regions: the stretches of a release that may hold names (capitalised words, years
and the connectors between them), found by one stdlib regex pass over the text's skeleton
(see skeleton.py). Only these are tokenised, so a long release costs little more than one
scan."""
from __future__ import annotations

from functools import cache

from ..._speed.regex import re_compile
from ...document.model import Document
from .skeleton import APOSTROPHE, LL, LN, LNM, LU, NBSP, N, S, W, skeleton

_CONN = r"(?:of|for|and|the|on|de|du|des|la|le|&|Of|For|And|The|On)"


@cache
def region_pattern():
    """A word starts with a capital, a number, or small letters before a capital (iPhone);
    words are joined by up to three spaces, one line break, or a period or comma before a
    legal suffix ("Co., Ltd"), and connectors join them too. The possessive quantifiers
    only spare the engine retries that cannot succeed."""
    word_ch = rf"(?:[{LNM}]++|['{APOSTROPHE}\-&.](?=[{LN}]))"
    cap = rf"(?:[{LU}{N}]|[{LL}]++[{LU}]){word_ch}*+"
    sep = (rf"(?:[ \t{NBSP}]{{1,3}}|[ \t{NBSP}]*\n[ \t{NBSP}]*"
           rf"|\.?,?[ \t]{{1,3}}(?=(?:Ltd|LTD|Limited|Inc|LLC|plc|PLC|Co)(?![{W}])))")
    return re_compile(rf"(?<![{LN}]){cap}(?:{sep}(?:{cap}|{_CONN}(?=[{S}])))*")


def regions(doc: Document):
    """The name regions of a release (match objects over its skeleton)."""
    return region_pattern().finditer(skeleton(doc))
