"""Placeholder renderer until the content pack renderer lands."""

import html

TELEGRAM_LIMIT = 4096


def to_telegram_html(markdown: str) -> str:
    return html.escape(markdown)


def paginate(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    pages: list[str] = []
    current = ""
    for block in text.split("\n\n"):
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pages.append(current)
        current = block[:limit]
    return [*pages, current] if current or not pages else pages
