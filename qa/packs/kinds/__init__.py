"""Generic, data-driven check kinds: a rule pack picks one with `kind = "..."`."""
from . import consistency, existence, pattern, substitution

KINDS = {
    "existence": existence,
    "substitution": substitution,
    "pattern": pattern,
    "consistency": consistency,
}
