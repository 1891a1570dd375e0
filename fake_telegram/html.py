"""Telegram's HTML parse mode: the tags it knows, the entities it makes, the errors it gives.

Sent text is stored the way Telegram stores it, plain text plus entities with offsets in
UTF-16 code units, so "not modified" compares what Telegram would compare.
"""

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from fake_telegram.errors import ApiError, bad_request

_VALUE = r"(?:\"[^\"]*\"|'[^']*'|[^\s>]+)"
_TAG = re.compile(rf"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*{_VALUE})?)*)\s*>")
_ATTR = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot);")
_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    entity: dict[str, Any] | None
    offset: int


@dataclass
class _Parser:
    plain: list[str] = field(default_factory=list)
    length: int = 0
    stack: list[_Open] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def text(self, chunk: str) -> None:
        chunk = _ENTITY.sub(lambda match: unescape(match.group(0)), chunk)
        self.plain.append(chunk)
        self.length += utf16_len(chunk)

    def start(self, tag: str, attrs: dict[str, str], at: int) -> None:
        entity = _entity_for(tag, attrs, at)
        self.stack.append(_Open(tag, entity, self.length))

    def end(self, tag: str, at: int) -> None:
        if not self.stack or self.stack[-1].tag != tag:
            raise _cant_parse(f'Unmatched end tag at byte offset {at}, expected "</{tag}>"')
        opened = self.stack.pop()
        if opened.entity is None or self.length == opened.offset:
            return
        language = opened.entity.pop("language", None) if tag == "code" else None
        parent = self.stack[-1].entity if self.stack and self.stack[-1].tag == "pre" else None
        if tag == "code" and parent is not None:
            parent.update({"language": language} if language else {})
            return
        length = self.length - opened.offset
        self.entities.append({**opened.entity, "offset": opened.offset, "length": length})


def _cant_parse(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


def _entity_for(tag: str, attrs: dict[str, str], at: int) -> dict[str, Any] | None:
    if tag in _SIMPLE:
        entity: dict[str, Any] = {"type": _SIMPLE[tag]}
        language = attrs.get("class", "")
        if tag == "code" and language.startswith("language-"):
            entity["language"] = language.removeprefix("language-")
        if tag == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        return entity
    if tag == "a":
        return {"type": "text_link", "url": attrs["href"]} if attrs.get("href") else None
    if tag == "span" and attrs.get("class") == "tg-spoiler":
        return {"type": "spoiler"}
    if tag == "tg-emoji" and "emoji-id" in attrs:
        return {"type": "custom_emoji", "custom_emoji_id": attrs["emoji-id"]}
    raise _cant_parse(f'Unsupported start tag "{tag}" at byte offset {at}')


def _attrs(raw: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
        for m in _ATTR.finditer(raw)
    }


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities of an HTML message, or Telegram's "can't parse entities"."""
    parser = _Parser()
    position = 0
    while (start := source.find("<", position)) != -1:
        parser.text(source[position:start])
        match = _TAG.match(source, start)
        at = len(source[:start].encode())
        if match is None:
            raise _cant_parse(f"Unexpected end of name token at byte offset {at}")
        closing, tag = match.group(1) == "/", match.group(2).lower()
        parser.end(tag, at) if closing else parser.start(tag, _attrs(match.group(3)), at)
        position = match.end()
    parser.text(source[position:])
    if parser.stack:
        tag = parser.stack[-1].tag
        raise _cant_parse(f'Can\'t find end tag corresponding to start tag "{tag}"')
    parser.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(parser.plain), parser.entities
