"""A small valid course pack, written file by file so tests can break one thing at a time."""

from pathlib import Path

COURSE = """\
title: Tiny course
description: Two modules, three lessons.
achievements:
  - slug: first
    type: LESSON_COMPLETED
    title: First lesson
    icon: "*"
    points: 5
    criteria: {lessons_completed: 1}
  - slug: basics-done
    type: MODULE_COMPLETED
    title: Basics done
    points: 10
    criteria: {module: basics}
"""

INTRO = """\
---
slug: intro
title: Intro
order: 1
estimated_duration: 3
challenges:
  - slug: pick
    kind: single_choice
    prompt: Pick b
    options: [a, b, c]
    answer: b
    explanation: Because b.
  - slug: many
    kind: multiple_choice
    prompt: Pick a and c
    options: [a, b, c]
    answers: [a, c]
  - slug: type
    kind: text
    prompt: Type print
    answers: [print, "print()"]
    points: 5
---

# Intro

Hello **world**.
"""

MORE = """\
---
slug: more
title: More
order: 2
---

Some more text.
"""

MORE_CHALLENGES = """\
challenges:
  - slug: number
    kind: text
    prompt: What is 6 * 7?
    answer: 42
"""

DEEPER = """\
---
slug: deeper
title: Deeper
---

Deeper text.
"""

TINY_PACK = {
    "course.yaml": COURSE,
    "01-basics/module.yaml": "slug: basics\ntitle: Basics\ndescription: The start.\norder: 1\n",
    "01-basics/01-intro.md": INTRO,
    "01-basics/02-more.md": MORE,
    "01-basics/02-more.challenges.yaml": MORE_CHALLENGES,
    "02-advanced/module.yaml": "slug: advanced\ntitle: Advanced\norder: 2\n",
    "02-advanced/01-deeper.md": DEEPER,
}


def write_pack(root: Path, files: dict[str, str | None] | None = None) -> Path:
    """The tiny pack with ``files`` laid over it; a None value leaves that file out."""
    for name, text in (TINY_PACK | (files or {})).items():
        if text is not None:
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def edit(name: str, old: str, new: str, *more: str) -> dict[str, str | None]:
    """The tiny pack's file ``name`` with ``old`` replaced once by ``new`` (and each further
    old, new pair in ``more`` after it)."""
    text = TINY_PACK[name]
    changes = (old, new, *more)
    for before, after in zip(changes[::2], changes[1::2], strict=True):
        assert before in text, f"{before!r} is not in {name}"
        text = text.replace(before, after, 1)
    return {name: text}
