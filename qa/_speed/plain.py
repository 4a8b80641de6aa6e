"""The switch that turns the speed layer off: RELEASE_QA_STDLIB=1 makes every piece of
qa._speed use its standard-library equivalent (dataclasses for records, patterns compiled at
once, concurrent.futures for --jobs). CI runs the suite once that way and expects the same
findings, which proves each piece can be swapped out."""
from __future__ import annotations

import os

PLAIN = os.environ.get("RELEASE_QA_STDLIB", "") not in ("", "0")
