"""Moodle keeps question text as HTML; the pack's prompts are Markdown, its options plain.

markdownify (maintained, MIT) does the conversion; images are left out, as a bank's
embedded files have no place in the pack.
"""

import re
from typing import Any

from markdownify import markdownify

EMBEDDED = "@@PLUGINFILE@@"
"""How Moodle refers to a file (an image) stored inside the bank itself."""
_PLAIN = {"escape_underscores": False, "escape_asterisks": False, "escape_misc": False}


class HtmlTooDeep(ValueError):
    """markdownify recurses per nested tag; hostile HTML must not crash the import."""


def html_to_markdown(html: str) -> str:
    """For prompts and explanations, which the bot renders as Markdown."""
    return _convert(html, heading_style="ATX", bullets="-", strip=["img"])


def html_to_plain(html: str) -> str:
    """For options and accepted answers: button labels and typed text, never rendered."""
    return _convert(html, convert=["br", "p"], **_PLAIN)


def has_embedded_files(html: str) -> bool:
    return EMBEDDED in html or "<img" in html.lower()


def _convert(html: str, **options: Any) -> str:
    try:
        text = markdownify(html, **options)
    except RecursionError:
        raise HtmlTooDeep("the HTML is nested too deeply to convert") from None
    return re.sub(r"\n{3,}", "\n\n", text).strip()
