"""Dates (DT): dates a reader cannot place, such as 'yesterday' in a release that never says
which day it was written.

The rules are declared in rules.py (each `CODE = Rule(RuleMeta(...), check)`); the modules
beside it hold the scanning they need.
"""
from .rules import RULES

__all__ = ["RULES"]
