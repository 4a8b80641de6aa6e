"""Splitting runs so that a span of text starts and ends on run boundaries.

A run (w:r) carries one formatting (its w:rPr) for all of its content. To anchor a comment on
part of a run, the run is cut in two: the second run gets a copy of the first one's attributes
and w:rPr, and the content from the cut point on, so both halves keep the formatting. A cut
inside a w:t first splits the w:t in two (each keeps xml:space="preserve" when it needs it).
"""
from __future__ import annotations

import copy
from typing import Any

from .walker import RPR, R, T

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

Element = Any


def set_text(t: Element, text: str) -> None:
    """Set a w:t's text, marking it xml:space="preserve" when spaces at either end must stay."""
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def split_text(t: Element, k: int) -> Element:
    """Cut w:t ``t`` after its k-th character (0 < k < len); return the new w:t after it."""
    text = t.text or ""
    if not 0 < k < len(text):
        raise ValueError(f"cannot cut a text of {len(text)} characters at {k}")
    tail = copy.deepcopy(t)
    tail.tail = None
    set_text(t, text[:k])
    set_text(tail, text[k:])
    t.addnext(tail)
    return tail


def run_of(element: Element) -> Element:
    """The w:r that holds a piece's element."""
    parent = element.getparent()
    if parent is None or parent.tag != R:
        raise ValueError("element is not inside a run")
    return parent


def split_run_before(child: Element) -> Element:
    """Make ``child`` the first content of a run; return that run (the same run when nothing
    comes before it, else a new run inserted right after the old one, with its formatting)."""
    run = run_of(child)
    before = [c for c in run if c.tag != RPR]
    if not before or before[0] is child:
        return run
    new_run = run.makeelement(run.tag, run.attrib, run.nsmap)
    rpr = run.find(RPR)
    if rpr is not None:
        new_run.append(copy.deepcopy(rpr))
    moving = []
    found = False
    for c in before:
        found = found or c is child
        if found:
            moving.append(c)
    for c in moving:
        new_run.append(c)  # lxml moves the element (and its tail) out of the old run
    run.addnext(new_run)
    return new_run


def cut_at(element: Element, k: int) -> None:
    """Make a run boundary fall k characters into a piece's element (k == 0: before it)."""
    if k > 0:
        if element.tag != T:
            raise ValueError("only text can be cut inside")
        element = split_text(element, k)
    split_run_before(element)
