"""Moodle keeps question text as HTML; the pack's prompts are Markdown, its options plain.

markdownify (maintained, MIT) does the conversion; images are left out, as a bank's
embedded files have no place in the pack.
"""

import re

from markdownify import markdownify

EMBEDDED = "@@PLUGINFILE@@"
"""How Moodle refers to a file (an image) stored inside the bank itself."""


def html_to_markdown(html: str) -> str:
    """For prompts and explanations, which the bot renders as Markdown."""
    markdown = markdownify(html, heading_style="ATX", bullets="-", strip=["img"])
    return _tidy(markdown)


def html_to_plain(html: str) -> str:
    """For options and accepted answers: button labels and typed text, never rendered."""
    text = markdownify(
        html,
        convert=["br", "p"],
        escape_underscores=False,
        escape_asterisks=False,
        escape_misc=False,
    )
    return _tidy(text)


def has_embedded_files(html: str) -> bool:
    return EMBEDDED in html or "<img" in html.lower()


def _tidy(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip()
