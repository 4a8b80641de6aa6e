"""Accuracy (AC): the English release checked against its Chinese original, in bilingual mode.

The rules are declared in rules.py (each `CODE = Rule(RuleMeta(...), check)`); the modules
beside it hold the alignment and the comparisons they need. Without a source they do nothing.
"""
from .rules import RULES

__all__ = ["RULES"]
