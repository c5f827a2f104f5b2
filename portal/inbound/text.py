"""The readable text of a mail: HTML turned into plain text, and a reply without the quoted
history that German and English mail clients append below it. Plain Python, no Flask."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# HTML beyond this is not read further: a 30 MB HTML body would take seconds to convert, and
# nobody writes a reply that long.
HTML_MAX_CHARS = 2_000_000

_BLOCKS = {
    "p", "div", "br", "tr", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "dl",
    "dt", "dd",
}  # fmt: skip
_SKIPPED = {"script", "style", "head", "title", "template"}
# Clients that mark the quoted history in HTML: Thunderbird and Apple Mail with
# <blockquote type="cite">, Gmail with <div class="gmail_quote">, Outlook.com with
# <div id="divRplyFwdMsg"> or <div id="appendonsend">.
_QUOTE_MARKERS = ("gmail_quote", "divrplyfwdmsg", "appendonsend", "moz-cite-prefix")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.quote_depth = 0
        self.pre_depth = 0
        self.quote_marker_at: int | None = None  # line index where marked history starts

    def _break(self):
        text = "".join(self.current).strip() if not self.pre_depth else "".join(self.current)
        prefix = "> " * self.quote_depth
        self.lines.append(f"{prefix}{text}" if text else (prefix.strip() if prefix else ""))
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skip_depth += 1
            return
        attributes = " ".join(f"{value or ''}" for name, value in attrs if name in ("class", "id"))
        if self.quote_marker_at is None and any(
            marker in attributes.lower() for marker in _QUOTE_MARKERS
        ):
            self._break()
            self.quote_marker_at = len(self.lines)
        if tag in _BLOCKS:
            self._break()
        if tag == "blockquote":
            self.quote_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "li":
            self.current.append("- ")
        elif tag in ("td", "th") and self.current:
            self.current.append(" ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.current.append(f"[{alt}]")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCKS:
            self._break()
        if tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)
        elif tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)

    def handle_data(self, data):
        if self.skip_depth:
            return
        if self.pre_depth:
            parts = data.split("\n")
            self.current.append(parts[0])
            for part in parts[1:]:
                self._break()
                self.current.append(part)
            return
        self.current.append(re.sub(r"\s+", " ", data.replace("\xa0", " ")))


def html_to_text(html: str) -> tuple[str, str]:
    """(the whole text, the text above the history a client marked as quoted in HTML)."""
    extractor = _TextExtractor()
    try:
        extractor.feed(html[:HTML_MAX_CHARS])
        extractor.close()
    except Exception:  # noqa: BLE001 - html.parser may still raise on pathological input
        pass
    extractor._break()
    lines = extractor.lines
    whole = _tidy(lines)
    if extractor.quote_marker_at is None:
        return whole, whole
    return whole, _tidy(lines[: extractor.quote_marker_at])


def _tidy(lines: list[str]) -> str:
    """Lines without trailing blanks, at most one empty line in a row."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip("\n")


# --- quoted history ----------------------------------------------------------------------

# "Am 03.03.2026 um 10:15 schrieb Service <service@x>:" (Thunderbird, Apple Mail, Gmail de),
# "On Tue, 3 Mar 2026 at 10:15, Service <service@x> wrote:" (English clients); a client may
# wrap it over two lines, so the check runs on a line joined with the next.
_ATTRIBUTION = re.compile(
    r"^(?=.*[@\d])\s*(am\s.{3,250}\sschrieb\b.{0,250}:|on\s.{3,250}\swrote\s*:|"
    r".{3,250}\sschrieb(\s+am\s.{3,120})?\s*:)\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^\s*-{3,}\s*(ursprüngliche nachricht|original message|originalnachricht|"
    r"weitergeleitete nachricht|forwarded message)\s*-{3,}\s*$",
    re.IGNORECASE,
)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
# Header lines of a quoted mail (Outlook: "Von: … Gesendet: … An: … Betreff: …", GMX/web.de:
# "Gesendet: … Von: … An: …"), also with the asterisks of bold HTML labels.
_HEADER_LINE = re.compile(
    r"^\s*\*?(von|from|gesendet|sent|datum|date|an|to|cc|betreff|subject)\s*:\*?\s*\S",
    re.IGNORECASE,
)
_SENDER_LABELS = ("von", "from")
_DATE_LABELS = ("gesendet", "sent", "datum", "date")
_SIGNATURE = "-- "


def strip_quoted(text: str) -> str:
    """The new part of a reply: everything above the first sign of quoted history, without
    `>` lines and the signature; the whole text when nothing new is left."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _history_start(lines)
    kept = [line for line in lines[:cut] if not line.lstrip().startswith(">")]
    if _SIGNATURE in kept:
        kept = kept[: kept.index(_SIGNATURE)]
    result = _tidy(kept)
    return result if result.strip() else _tidy(lines)


def _history_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        joined = f"{line} {lines[index + 1]}" if index + 1 < len(lines) else line
        if _SEPARATOR.match(line) or _ATTRIBUTION.match(line):
            return index
        if (
            line.strip()
            and _ATTRIBUTION.match(joined)
            and not _ATTRIBUTION.match(lines[index + 1] if index + 1 < len(lines) else "")
        ):
            return index
        if _UNDERSCORES.match(line) and _is_header_block(lines, index + 1):
            return index
        if _is_header_block(lines, index):
            return index
    return len(lines)


def _label(line: str) -> str | None:
    found = _HEADER_LINE.match(line)
    return found.group(1).lower() if found else None


def _is_header_block(lines: list[str], start: int) -> bool:
    """A quoted mail's header: a sender and a date label among the next four lines, and
    the block starts with one of them."""
    first = _label(lines[start]) if start < len(lines) else None
    if first is None:
        return False
    labels = {first}
    for line in lines[start + 1 : start + 5]:
        label = _label(line)
        if label is None and line.strip():
            break
        if label:
            labels.add(label)
    return bool(labels & set(_SENDER_LABELS)) and bool(labels & set(_DATE_LABELS))
