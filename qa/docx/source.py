"""A Word document as a release for the checker: qa.source hands a .docx's bytes here.

``docx_text(data, path)`` returns the ``DocxText`` of a .docx (paragraphs, title; its text is
the paragraphs joined by "\\n", so line N is paragraph N), from which qa.source makes the
release's SourceFile. Every file it will not read (corrupt, encrypted, an old .doc, over a size
limit, a Word lock file; python-docx missing) is an ``InputError`` of one line naming the file,
so the run reports it and goes on.
"""
from __future__ import annotations

import os

DOCX_MAX_BYTES = 100 * 1024 * 1024      # a Word document (the reader refuses larger ones)


def is_docx_name(path: str) -> bool:
    """True for a Word document's name (NAME.docx, any case)."""
    return path.lower().endswith(".docx")


def docx_text(data: bytes, path: str):
    """The DocxText of a .docx's bytes (see the module docstring); `--encoding` does not
    apply (the text is Unicode inside the package)."""
    from ..errors import InputError
    if os.path.basename(path).startswith("~$"):
        raise InputError("a Word lock file (~$NAME.docx, kept while the document is open), "
                         "not a document", path)
    try:
        from .errors import DocxError
        from .reader import read_docx
        docx = read_docx(data)
    except ImportError as exc:          # python-docx or defusedxml missing: say how to install
        hint = " ".join(str(exc).split())
        if "release-qa[docx]" not in hint:
            hint = f"reading .docx files needs python-docx: pip install 'release-qa[docx]' ({hint})"
        raise InputError(hint, path) from None
    except DocxError as exc:
        raise InputError(exc.reason, path) from None
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
        # a package python-docx chokes on in a way the checks before it did not foresee
        raise InputError(f"cannot read as a Word document ({type(exc).__name__}: "
                         f"{' '.join(str(exc).split())[:200]})", path) from None
    return docx
