"""Page furniture in Chinese and English releases: lines that belong to the web page, not to the
release ("责任编辑：王芳", "分享到：微信", "(Photo by Li Ming)", "Share to: WeChat", "Copyright ...").

`furniture_kind(text, english)` names the kind of furniture a short unit is, or returns None for
content. Kinds let the aligner pair an editor credit with an editor credit but not with a share
bar: editor, source, nav (share bars, navigation, "related" lists, comment notices), photo
(captions and credits), rights (copyright notices), end ("(完)", "(End)"). Every pattern is
anchored or bounded, and units over 60 Chinese or 200 English characters are never furniture.
"""
from __future__ import annotations

import re

_ZH = {
    "editor": r"^[\s【\[(（]*(?:责任编辑|责编|编辑|校对|审核|审校|监制)"
              r"(?:[】\])）\s]*[：:／/|]|[】\])）]|\s)",
    "source": r"^[\s【\[(（]*(?:来源|稿源|作者|原标题)\s*[：:]",
    "nav": r"^[\s【\[(（]*(?:分享到|分享|扫一扫|扫码|点击|关注|纠错|举报|返回|打印|关闭窗口|相关新闻|"
           r"相关阅读|推荐阅读|延伸阅读|热门推荐|上一篇|下一篇)(?:[】\])）\s]|[：:／/|]|$)",
    "photo": r"^[\s【\[(（]*(?:摄影|图片来源|图源|图片)\s*[：:]|[(（][^()（）]{0,20}摄[)）]\s*$|^图为",
    "rights": r"版权所有|版权声明|免责声明",
    "end": r"^[\s(（]*完[)）]\s*$",
}
_EN = {
    "editor": r"^[\s\[(]*(?:(?:editor|editors|responsible editor|editor in charge|chief editor|web editor)"
              r"\s*[\])]?\s*[:：|/-]|(?:edited|proofread|translated) by\b)",
    "source": r"^[\s\[(]*(?:source|original title|author)\s*[:：]",
    "nav": r"^[\s\[(]*(?:share|share to|share this|follow us|scan|click|print|close|related|recommended|"
           r"previous|next|back to top)\b(?:[\])\s]*[:：|/-]|[.!]?\s*$)|^\W*(?:wechat|weibo)\b"
           r"|^comments are closed",
    "photo": r"^[\s\[(]*(?:photo|photos|image|picture|credit)\b(?:[\])\s]*[:：|/-]|\s+by\b)"
             r"|\((?:photo|photos|image|picture)[^()]{0,60}\)\s*$"
             r"|^(?:a |the |this )?(?:file )?(?:photo|picture|image)\b[^.]{0,40}\b"
             r"(?:taken|shows|showing|released|provided)\b",
    "rights": r"\bcopyright\b|©|all rights reserved",
    "end": r"^[\s(\[]*end[)\]]\s*$",
}
_ZH_RE = [(kind, re.compile(p)) for kind, p in _ZH.items()]
_EN_RE = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _EN.items()]
KINDS = tuple(_ZH)


def furniture_kind(text: str, english: bool) -> str | None:
    """The kind of page furniture `text` (one unit) is, or None when it reads as content."""
    text = text.strip()
    if not text or len(text) > (200 if english else 60):
        return None
    for kind, pattern in (_EN_RE if english else _ZH_RE):
        if pattern.search(text):
            return kind
    return None
