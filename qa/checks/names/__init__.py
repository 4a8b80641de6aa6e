"""Name consistency (NC): one organisation, event, acronym or word written several ways.

The rules are declared in rules.py (each `CODE = Rule(RuleMeta(...), check)`); the modules
beside it hold the scanning they need.
"""
from .rules import RULES

__all__ = ["RULES"]
