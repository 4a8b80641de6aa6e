"""qa._speed.records: the dataclass stand-in keeps the dataclass rules the code relies on."""
from __future__ import annotations

import pickle

import pytest

from qa._speed.records import FrozenInstanceError, field, record, replace


@record(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = ()


@record
class Bag:
    name: str
    items: list = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


@record(frozen=True)
class Checked:
    value: int

    def __post_init__(self):
        if self.value < 0:
            raise ValueError("negative")


@record(frozen=True, eq=False)
class Identity:
    value: int


def test_init_defaults_repr_and_equality():
    assert Point(1) == Point(1, 0, ())
    assert Point(1) != Point(2)
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=())"
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    with pytest.raises(TypeError):
        Point()                              # x has no default


def test_default_factory_gives_each_instance_its_own_value_and_compare_false_is_ignored():
    a, b = Bag("a"), Bag("a", note="different")
    a.items.append(1)
    assert b.items == [] and a != b
    b.items.append(1)
    assert a == b                            # note is not compared
    assert repr(a) == "Bag(name='a', items=[1])"
    with pytest.raises(TypeError):
        hash(a)                              # mutable with eq: unhashable, as dataclasses


def test_frozen_records_refuse_assignment_and_slots_have_no_dict():
    p = Point(1)
    with pytest.raises(FrozenInstanceError):
        p.x = 2
    with pytest.raises(FrozenInstanceError):
        del p.x
    assert not hasattr(p, "__dict__")


def test_replace_reruns_init_and_post_init():
    assert replace(Point(1, 2), y=5) == Point(1, 5)
    with pytest.raises(ValueError):
        replace(Checked(1), value=-1)
    with pytest.raises(TypeError):
        replace(Point(1), z=3)


def test_eq_false_keeps_identity_semantics():
    a = Identity(1)
    assert a != Identity(1) and a == a and {a: 1}[a] == 1


@pytest.mark.parametrize("value", [Point(1, 2, ("a",)), Bag("x", [1, 2], "n"), Checked(3)])
def test_records_survive_pickling(value):
    # worker processes send results back pickled: frozen slotted records included
    back = pickle.loads(pickle.dumps(value))
    assert back == value and type(back) is type(value)
