"""Slugs for imported items: readable, ASCII, and unique where the pack needs them to be."""

import re
import unicodedata

MAX_SLUG = 60
"""Shorter than the pack's 100: file names carry the slug, and long ones read badly."""


def slugify(text: str | None, fallback: str) -> str:
    """``"Grant's tomb?"`` is ``grant-s-tomb``; text with no ASCII letters falls back."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")
    return slug or fallback


class SlugSet:
    """Hands out each slug once: a repeat gets ``-2``, ``-3``… appended."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, slug: str) -> str:
        unique, number = slug, 1
        while unique in self._taken:
            number += 1
            unique = f"{slug}-{number}"
        self._taken.add(unique)
        return unique
