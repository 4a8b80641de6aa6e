"""Small immutable records (tuples with named fields), like collections.namedtuple but
about ten times cheaper to define: the name rules define a handful of them at import, and
start-up time matters."""
from __future__ import annotations

from operator import itemgetter

try:                                    # the field accessor namedtuple uses (CPython)
    from _collections import _tuplegetter
except ImportError:                     # pragma: no cover - other interpreters
    def _tuplegetter(index: int, doc: str):
        return property(itemgetter(index), doc=doc)


def record(name: str, fields: str) -> type:
    """A tuple subclass with the given space-separated fields, built positionally
    (Record(a, b)); subclass it to add properties (with __slots__ = ())."""
    names = tuple(fields.split())

    def __new__(cls, *values):
        if len(values) != len(names):
            raise TypeError(f"{name} takes {len(names)} values ({fields}), not {len(values)}")
        return tuple.__new__(cls, values)

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(names, self))
        return f"{type(self).__name__}({inner})"

    body = {f: _tuplegetter(i, f) for i, f in enumerate(names)}
    body.update(__slots__=(), __new__=__new__, __repr__=__repr__, _fields=names)
    return type(name, (tuple,), body)
