"""Small .docx files written from WordprocessingML snippets, for the qa.docx tests.

``package(body)`` wraps body XML in a minimal but complete package (content types, relationships,
styles with Normal, Title and Heading 1; footnotes and endnotes when given); ``p(...)`` and
``r(...)`` write paragraphs and runs. Everything is made in memory from literals.
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'mc:Ignorable="wps"'
)
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

STYLES = DECL + f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>
</w:styles>"""


def r(text: str = "", props: str = "", inner: str | None = None) -> str:
    """A run: ``props`` is w:rPr content ("<w:b/>"), ``inner`` replaces the w:t."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    body = inner if inner is not None else f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:r>{rpr}{body}</w:r>"


def p(*content: str, style: str | None = None) -> str:
    """A paragraph of runs (strings are plain runs; XML snippets starting with "<" as they are)."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    inner = "".join(c if c.startswith("<") else r(c) for c in content)
    return f"<w:p>{ppr}{inner}</w:p>"


def notes(kind: str, *texts: str) -> str:
    """A footnotes or endnotes part with the two separators and one note per text."""
    tag = "footnote" if kind == "footnotes" else "endnote"
    sep = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
           f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
           f"</w:r></w:p></w:{tag}>")
    body = "".join(f'<w:{tag} w:id="{i}">{t if t.startswith("<") else p(t)}</w:{tag}>'
                   for i, t in enumerate(texts, 1))
    return DECL + f"<w:{kind} {NAMESPACES}>{sep}{body}</w:{kind}>"


def package(body: str, footnotes: str | None = None, endnotes: str | None = None,
            document: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx whose body is ``body`` (or whose document.xml is ``document``, as given)."""
    overrides = [("/word/document.xml", WML + "document.main+xml"), ("/word/styles.xml", WML + "styles+xml")]
    rels = [("rId1", "styles", "styles.xml")]
    parts = {"word/styles.xml": STYLES.encode()}
    for name, xml in (("footnotes", footnotes), ("endnotes", endnotes)):
        if xml is not None:
            overrides.append((f"/word/{name}.xml", WML + f"{name}+xml"))
            rels.append((f"rId{len(rels) + 1}", name, f"{name}.xml"))
            parts[f"word/{name}.xml"] = xml.encode() if isinstance(xml, str) else xml
    types = DECL + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides) + "</Types>")
    root_rels = DECL + (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELS}officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = DECL + (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{RELS}{t}" Target="{target}"/>' for i, t, target in rels)
        + '<Relationship Id="rIdLink" Type="' + RELS + 'hyperlink" Target="https://example.org/" '
        'TargetMode="External"/></Relationships>')
    if document is None:
        document = DECL + f"<w:document {NAMESPACES}><w:body>{body}<w:sectPr/></w:body></w:document>"
    members = {"[Content_Types].xml": types.encode(), "_rels/.rels": root_rels.encode(),
               "word/document.xml": document.encode() if isinstance(document, str) else document,
               "word/_rels/document.xml.rels": doc_rels.encode(), **parts, **(extra or {})}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data,
                        compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def write(tmp_path, name: str, data: bytes):
    """Write ``data`` to tmp_path/name and return the path (a str)."""
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)
