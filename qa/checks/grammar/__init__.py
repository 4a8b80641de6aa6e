"""Grammar (GR): grammar a machine can be sure of ('a important', 'the another', 'discuss
about', 'the two sides agrees', 'growth , and') and misspelt headline words and names.

The rules are declared in rules.py (each `CODE = Rule(RuleMeta(...), check)`); the modules
beside it hold the scanning they need.
"""
from .rules import RULES

__all__ = ["RULES"]
