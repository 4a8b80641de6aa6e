"""Test session set-up: the rule-data cache goes to a private folder, not the user's home."""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("RELEASE_QA_CACHE_DIR", tempfile.mkdtemp(prefix="release-qa-test-cache-"))
