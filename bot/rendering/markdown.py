"""Lesson Markdown to Telegram's HTML subset, and pages that fit in one message.

Telegram accepts only b, i, u, s, code, pre, a and blockquote, and rejects a message
with any other tag or an unescaped ``<`` or ``&``. Headings therefore become bold lines,
list items bullet lines, and everything else is escaped text.
"""

import re
from collections.abc import Sequence
from functools import cache
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

TELEGRAM_LIMIT = 4096
_INLINE_TAGS = {"strong": "b", "em": "i", "s": "s"}
_OPENING = re.compile(r"<(?:b|i|u|s|code|pre|a|blockquote)[ >]")
_CLOSING = re.compile(r"</(?:b|i|u|s|code|pre|a|blockquote)>")


def to_telegram_html(markdown: str, *, title: str | None = None) -> str:
    """Blocks are separated by one blank line, which is where ``paginate`` may cut.

    A first heading that repeats ``title`` is left out: the screen shows the title already.
    """
    tokens = _parser().parse(markdown)
    if title is not None and _opens_with_heading(tokens, title):
        tokens = tokens[3:]
    return _Blocks().render(tokens)


@cache
def _parser() -> "MarkdownIt":
    """Made at the first lesson shown, so an idle bot carries no parser (0.9 MB)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def _opens_with_heading(tokens: Sequence["Token"], title: str) -> bool:
    """Compared as words: case, spacing and inline markup (a `print()` in code) aside."""
    if len(tokens) < 3 or tokens[0].type != "heading_open":
        return False
    heading = "".join(
        " " if child.type in {"softbreak", "hardbreak"} else child.content
        for child in tokens[1].children or []
    )
    return _words(heading) == _words(title)


def _words(text: str) -> list[str]:
    return text.casefold().split()


def paginate(html: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Whole blocks per page; a block longer than ``limit`` is a page of its own.

    Blocks are cut only where no tag is open, so a page never breaks markup.
    """
    pages: list[str] = []
    for block in _blocks(html):
        if pages and len(pages[-1]) + 2 + len(block) <= limit:
            pages[-1] += "\n\n" + block
        else:
            pages.append(block)
    return pages


def _blocks(html: str) -> list[str]:
    """Blank-line-separated pieces, rejoined while a tag (a ``<pre>`` with blank lines,
    say) is still open."""
    blocks: list[str] = []
    open_tags = 0
    for piece in html.split("\n\n"):
        if blocks and open_tags:
            blocks[-1] += "\n\n" + piece
        elif piece.strip():
            blocks.append(piece)
        open_tags += len(_OPENING.findall(piece)) - len(_CLOSING.findall(piece))
    return blocks


class _Blocks:
    """Walks the token stream. A list or quote is one block of lines, never cut apart."""

    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._group: list[str] = []
        self._containers: list[int | str | None] = []
        self._marker_due = False
        self._heading = False

    def render(self, tokens: Sequence["Token"]) -> str:
        for token in tokens:
            self._token(token)
        return "\n\n".join(self._blocks)

    def _token(self, token: "Token") -> None:
        kind = token.type
        if kind == "bullet_list_open":
            self._containers.append(None)
        elif kind == "ordered_list_open":
            self._containers.append(int(token.attrGet("start") or 1))
        elif kind == "blockquote_open":
            self._containers.append("quote")
        elif kind in {"bullet_list_close", "ordered_list_close", "blockquote_close"}:
            self._close_container()
        elif kind == "list_item_open":
            self._marker_due = True
        elif kind == "heading_open":
            self._heading = True
        elif kind == "inline":
            html = _inline(token.children or [])
            self._add(f"<b>{html}</b>" if self._heading else html)
            self._heading = False
        elif kind in {"fence", "code_block"}:
            self._add(_code_block(token))
        elif kind == "html_block":
            self._add(escape(token.content.rstrip("\n"), quote=False))
        elif kind == "hr":
            self._add("——————")

    def _add(self, html: str) -> None:
        if not self._containers:
            self._blocks.append(html)
            return
        lists = [item for item in self._containers if item != "quote"]
        indent = "  " * max(len(lists) - 1, 0)
        if self._marker_due:
            html = indent + self._marker() + html
            self._marker_due = False
        elif lists:
            html = indent + "  " + html
        self._group.append(html)

    def _marker(self) -> str:
        position = max(i for i, item in enumerate(self._containers) if item != "quote")
        number = self._containers[position]
        if not isinstance(number, int):
            return "• "
        self._containers[position] = number + 1
        return f"{number}. "

    def _close_container(self) -> None:
        outermost = self._containers[0]
        self._containers.pop()
        if self._containers:
            return
        text = "\n".join(self._group)
        self._group = []
        self._blocks.append(f"<blockquote>{text}</blockquote>" if outermost == "quote" else text)


def _code_block(token: "Token") -> str:
    language = token.info.strip().split(" ")[0] if token.info else ""
    code = escape(token.content.rstrip("\n"), quote=False)
    if language:
        return f'<pre><code class="language-{escape(language)}">{code}</code></pre>'
    return f"<pre>{code}</pre>"


def _inline(children: Sequence["Token"]) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text":
            parts.append(escape(child.content, quote=False))
        elif kind == "code_inline":
            parts.append(f"<code>{escape(child.content, quote=False)}</code>")
        elif kind in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif kind.endswith("_open") and kind[:-5] in _INLINE_TAGS:
            parts.append(f"<{_INLINE_TAGS[kind[:-5]]}>")
        elif kind.endswith("_close") and kind[:-6] in _INLINE_TAGS:
            parts.append(f"</{_INLINE_TAGS[kind[:-6]]}>")
        elif kind == "link_open":
            parts.append(f'<a href="{escape(str(child.attrGet("href") or ""))}">')
        elif kind == "link_close":
            parts.append("</a>")
        elif kind == "image":
            source = escape(str(child.attrGet("src") or ""))
            parts.append(f'<a href="{source}">{escape(child.content, quote=False)}</a>')
        else:
            parts.append(escape(child.content, quote=False))
    return "".join(parts)
