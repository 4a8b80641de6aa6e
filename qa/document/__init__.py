"""The document model: a release as rules see it, with offsets back into the file."""
from .model import Directive, Document, Enumeration, Sentence, Span

__all__ = ["Directive", "Document", "Enumeration", "Sentence", "Span", "load_document",
           "document_from_text"]


def load_document(src, fmt: str | None = None) -> Document:
    """Build the Document of a decoded SourceFile in its format (from the name if not given)."""
    from .markup import build_document
    return build_document(src, fmt)


def document_from_text(text: str, fmt: str = "text", path: str = "<text>") -> Document:
    """A Document from a string: for tests, rule examples and the library API."""
    from ..source import SourceFile, dominant_newline
    return load_document(SourceFile(path, text, "utf-8", False, dominant_newline(text)), fmt)
