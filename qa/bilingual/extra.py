"""Whether the `zh` extra (cn2an, pypinyin), which bilingual mode needs, is installed, and the
note a run prints once when Chinese sources were found without it."""
from __future__ import annotations

import importlib.util
import sys

ZH_EXTRA = ("cn2an", "pypinyin")
ZH_EXTRA_NOTE = ("Chinese sources were found but not compared with their English: bilingual "
                 "mode needs the zh extra, pip install 'release-qa[zh]' (the English rules ran)")


def zh_extra_missing() -> tuple[str, ...]:
    """The modules of the zh extra that cannot be imported (a module set to None in
    sys.modules counts as missing, as import would fail)."""
    out = []
    for name in ZH_EXTRA:
        if name in sys.modules:
            if sys.modules[name] is None:
                out.append(name)
        elif importlib.util.find_spec(name) is None:
            out.append(name)
    return tuple(out)
