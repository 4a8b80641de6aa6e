"""The slice-at-a-time string operations of NC06 (see qa.text.slices, where they live)."""
from __future__ import annotations

from ...text.slices import SLICE, lower, single_spaced, slices

__all__ = ["SLICE", "lower", "single_spaced", "slices"]
