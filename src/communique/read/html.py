"""HTML pages -> main text and metadata (title, publication date, URL) with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from communique.read.pagedate import published_date

_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:p|div|span|br|a|h[1-6]|table|li)\b[^>]*>", re.IGNORECASE)
# A "<" with no ">" before the next "<" (or the end) opens no tag. Runs of them ("<a <a <a ...") make
# html.parser and lxml rescan the rest of the page at each one (quadratic: 18 KB took 50 s); as text they cost
# nothing, and no real tag is touched.
# A comment opener is left alone: an unclosed one hides the rest of the page (cut off first, as browsers do).
_ORPHAN_LT = re.compile(r"<(?!!--)(?=[^<>]*(?:<|\Z))")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """An HTML document start, or text that is full of block tags."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its <meta charset> (looked for in the first 4 KB)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", errors="ignore") if m else None


def extract_page(html: str) -> Page:
    """Main text and metadata of a page; falls back to all visible text when no main text is found."""
    import trafilatura  # lazy: heavy (0.55 s measured), imported on the first HTML document only

    html = defuse(html)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=True, favor_recall=True)
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    title = _clean_str(getattr(extracted, "title", None))
    if not text.strip():
        # lxml (under trafilatura) drops everything nested deeper than 255 elements: read such pages
        # with the standard library's parser, which has no depth limit.
        text, title = visible_text(html), title or page_title(html)
    return Page(
        text=text,
        title=title,
        # the date the markup declares (meta, JSON-LD, <time>) before trafilatura's guess
        date=published_date(html) or _clean_str(getattr(extracted, "date", None)),
        url=_clean_str(getattr(extracted, "url", None)),
    )


_INVISIBLE = frozenset({"script", "style", "head", "title", "template", "noscript", "svg", "iframe"})
_BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
                    "blockquote", "pre", "ul", "ol", "dd", "dt", "header", "footer", "main", "aside", "hr"})


class _TextCollector(HTMLParser):
    """Visible text, a newline at each block boundary; tolerant of any nesting depth and bad markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)
        elif self.lasttag == "title":
            self.title.append(data)


def defuse(html: str) -> str:
    """The page with every "<" that opens no tag written as "&lt;" (see _ORPHAN_LT), and without what an
    unclosed comment hides (everything after its "<!--", as in a browser)."""
    opener = html.find("<!--", html.rfind("-->") + 1 if "-->" in html else 0)
    if opener >= 0:
        html = html[:opener]
    return _ORPHAN_LT.sub("&lt;", html)


def _collect(html: str) -> _TextCollector:
    collector = _TextCollector()
    collector.feed(defuse(html))
    collector.close()
    return collector


def visible_text(html: str) -> str:
    """The page's visible text, lines stripped and blank lines dropped."""
    lines = (" ".join(line.split()) for line in "".join(_collect(html).parts).splitlines())
    return "\n".join(line for line in lines if line)


def page_title(html: str) -> str | None:
    """The text of the page's <title>, whitespace collapsed."""
    return _clean_str(" ".join("".join(_collect(html[:65536]).title).split()))


def _clean_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
