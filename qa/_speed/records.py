"""Record classes: a lean stand-in for `dataclasses` on the start-up path.

`@record` turns a class with annotated fields into a plain class with a generated
`__init__`, a `__repr__` and an `__eq__` (plus `__hash__` and read-only attributes when
frozen, and `__slots__` on request), with the same rules as `dataclasses` for the subset
release-qa uses: defaults, `field(default_factory=..., compare=..., repr=...)`,
`__post_init__`, `frozen`, `eq`, `slots`, and `replace()`.

Why not dataclasses: it imports `inspect` (with ast, dis, tokenize) and compiles five or six
methods per class, about 0.6 ms each class; over the ~40 records loaded before the first
finding that was a fifth of a pre-commit cold run. Here one small `__init__` is compiled per
class and the other methods are shared functions. With RELEASE_QA_STDLIB=1 the decorator is
`dataclasses.dataclass` itself.
"""
from __future__ import annotations

from .plain import PLAIN

__all__ = ["FrozenInstanceError", "field", "record", "replace"]

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen record."""


class Field:
    """What `field()` declares about one attribute of a record."""

    __slots__ = ("name", "default", "default_factory", "compare", "repr")

    def __init__(self, default=_MISSING, default_factory=_MISSING, compare=True, repr=True):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot give both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr


def field(*, default=_MISSING, default_factory=_MISSING, compare: bool = True,
          repr: bool = True) -> Field:  # noqa: A002 - mirrors dataclasses.field
    if PLAIN:
        import dataclasses
        kw = {"compare": compare, "repr": repr}
        if default is not _MISSING:
            kw["default"] = default
        if default_factory is not _MISSING:
            kw["default_factory"] = default_factory
        return dataclasses.field(**kw)
    return Field(default, default_factory, compare, repr)


def record(cls=None, /, *, frozen: bool = False, eq: bool = True, slots: bool = False):
    """Class decorator: `@record`, or `@record(frozen=True, eq=False, slots=True)`."""
    def wrap(c):
        if PLAIN:
            import dataclasses
            return dataclasses.dataclass(c, frozen=frozen, eq=eq, slots=slots)
        return _build(c, frozen, eq, slots)
    return wrap if cls is None else wrap(cls)


def replace(obj, **changes):
    """A copy of the record `obj` with some fields changed (runs `__init__` again)."""
    if PLAIN:
        import dataclasses
        return dataclasses.replace(obj, **changes)
    values = {f.name: getattr(obj, f.name) for f in obj.__record_fields__}
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return obj.__class__(**values)


# ---- building the class -----------------------------------------------------------------
def _build(cls, frozen: bool, eq: bool, slots: bool):
    fields: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__record_fields__", ()):
            fields[f.name] = f
    for name, kind in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        fields[name] = f
        if isinstance(value, Field):
            if f.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    ordered = tuple(fields.values())
    if slots:
        cls = _with_slots(cls, ordered)
    cls.__record_fields__ = ordered
    cls.__record_compare__ = tuple(f.name for f in ordered if f.compare)
    cls.__record_repr__ = tuple(f.name for f in ordered if f.repr)
    cls.__init__ = _make_init(cls, ordered, frozen)
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _repr
    if eq and "__eq__" not in cls.__dict__:
        cls.__eq__ = _eq
        if "__hash__" not in cls.__dict__:        # an explicit __hash__ stays, as in dataclasses
            cls.__hash__ = _hash if frozen else None
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
        if slots:
            cls.__getstate__ = _getstate
            cls.__setstate__ = _setstate
    return cls


def _with_slots(cls, fields: tuple[Field, ...]):
    """A copy of `cls` whose instances keep their fields in slots (no __dict__)."""
    body = dict(cls.__dict__)
    for f in fields:
        body.pop(f.name, None)
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    inherited = {n for b in cls.__mro__[1:] for n in getattr(b, "__slots__", ())}
    body["__slots__"] = tuple(f.name for f in fields if f.name not in inherited)
    new = type(cls)(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    return new


def _make_init(cls, fields: tuple[Field, ...], frozen: bool):
    names = {"_MISSING": _MISSING, "_set": object.__setattr__}
    params, lines = [], []
    for f in fields:
        if f.default_factory is not _MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            value = f"_factory_{f.name}() if {f.name} is _MISSING else {f.name}"
        elif f.default is not _MISSING:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
            value = f.name
        else:
            params.append(f.name)
            value = f.name
        lines.append(f"_set(self, {f.name!r}, {value})" if frozen else f"self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        lines.append("self.__post_init__()")
    source = (f"def __init__(self, {', '.join(params)}):\n    "
              + "\n    ".join(lines or ["pass"]) + "\n")
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), names)   # noqa: S102 - our own source
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


# ---- the shared methods -----------------------------------------------------------------
def _repr(self) -> str:
    inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_repr__)
    return f"{type(self).__qualname__}({inner})"


def _values(self) -> tuple:
    return tuple(getattr(self, n) for n in self.__record_compare__)


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self) -> int:
    return hash(_values(self))


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self):
    return tuple(getattr(self, f.name) for f in self.__record_fields__)


def _setstate(self, state) -> None:
    for f, value in zip(self.__record_fields__, state):
        object.__setattr__(self, f.name, value)
