"""Page furniture in Chinese and English releases, as the aligner and the accuracy rules see it:
lines that belong to the web page, not to the release ("责任编辑：王芳", "分享到：微信",
"(Photo by Li Ming)", "Share to: WeChat", "Copyright ...").

`furniture_kind(text, english)` names the kind of furniture a short unit is, or returns None for
content. Kinds let the aligner pair an editor credit with an editor credit but not with a share
bar: editor, source, nav (share bars, navigation, "related" lists, comment notices), photo
(captions and credits), rights (copyright notices), end ("(完)", "(End)"), and on the English
side also meta (CMS strips) and chart. English is classified by the one English classifier,
`qa.text.furniture` (shared with the headline reader and the boilerplate rules; a bare date line
is content here); this module holds the Chinese patterns and only the English credit shapes the
aligner needs beyond it, those that answer a Chinese credit line: any "Source:", "Author:" (a
data source too: 来源 pairs with it), an unbracketed "Photo: ..." or "Photo by ...", a caption
"A photo taken ... shows ...", "Follow us", "Click here". Every pattern is anchored or bounded,
and units over 60 Chinese characters (or `qa.text.furniture.MAX_LINE` English ones) are never
furniture.
"""
from __future__ import annotations

import re

from ..text.furniture import MAX_LINE
from ..text.furniture import furniture_kind as english_kind

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
# English credit lines qa.text.furniture leaves to content but a Chinese credit line answers.
_EN_BEYOND = {
    "source": r"^[\s\[(]*(?:source|original title|author)\s*[:：]",
    "photo": r"^[\s\[(]*(?:photo|photos|image|picture|credit)(?:\s*[\])]?\s*[:：|/]|\s+by\b)"
             r"|^(?:a |the |this )?(?:file )?(?:photo|picture|image)\b[^.]{0,40}\b"
             r"(?:taken|shows|showing|released|provided)\b",
    "nav": r"^[\s\[(]*(?:follow us|click here|click to)\b",
}
_ZH_RE = [(kind, re.compile(p)) for kind, p in _ZH.items()]
_EN_RE = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _EN_BEYOND.items()]


def furniture_kind(text: str, english: bool) -> str | None:
    """The kind of page furniture `text` (one unit) is, or None when it reads as content."""
    text = text.strip()
    if not text or len(text) > (MAX_LINE if english else 60):
        return None
    if english:
        kind = english_kind(text)
        if kind is not None:
            return None if kind == "date" else kind
    for kind, pattern in (_EN_RE if english else _ZH_RE):
        if pattern.search(text):
            return kind
    return None
