"""One lesson file: YAML front matter between ``---`` lines, then the Markdown text."""

from collections.abc import Callable, Sequence
from pathlib import Path

from domain.content import ChallengeSpec, LessonSpec
from infrastructure.content.challenges import to_challenges
from infrastructure.content.documents import Documents
from infrastructure.content.schema import ChallengesFile, LessonModel
from infrastructure.content.yaml_source import YamlDocument

LessonCheck = Callable[[str], str | None]
"""Given a lesson's Markdown, a reason it cannot be shown to learners, or None."""

FENCE = "---"


def read_lesson(
    documents: Documents, path: Path, position: int, checks: Sequence[LessonCheck]
) -> LessonSpec | None:
    file = documents.name(path)
    text = documents.read(path)
    if text is None:
        return None
    lines = text.splitlines()
    closing = _closing_fence(lines)
    if closing is None:
        documents.report(
            file,
            1,
            "(front matter)",
            "a lesson starts with YAML front matter between two '---' lines",
        )
        return None
    document = documents.yaml(path, "\n".join(lines[1:closing]) + "\n", first_line=2)
    model = None if document is None else documents.model(document, LessonModel)
    body = "\n".join(lines[closing + 1 :]).strip("\n")
    _check_body(documents, file, closing + 2, body, checks)
    challenges = None if document is None else _challenges(documents, path, document)
    if model is None or challenges is None:
        return None
    return LessonSpec(
        slug=model.slug,
        title=model.title,
        content=body,
        order=position if model.order is None else model.order,
        estimated_duration=model.estimated_duration,
        published=model.published,
        challenges=challenges,
    )


def _closing_fence(lines: list[str]) -> int | None:
    if not lines or lines[0].strip() != FENCE:
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)


def challenges_path(lesson: Path) -> Path:
    return lesson.with_name(f"{lesson.stem}.challenges.yaml")


def _challenges(
    documents: Documents, path: Path, document: YamlDocument
) -> tuple[ChallengeSpec, ...] | None:
    """From the front matter, or from the sibling ``<lesson>.challenges.yaml``; checked even
    when the front matter has other mistakes, so they are all reported together."""
    sibling = challenges_path(path)
    if not sibling.exists():
        return to_challenges(documents, document)
    if isinstance(document.data, dict) and document.data.get("challenges") is not None:
        documents.report(
            document.file,
            document.line(("challenges",)),
            "challenges",
            f"challenges are given both here and in {documents.name(sibling)}",
        )
        return None
    separate = documents.yaml(sibling)
    if separate is None:
        return None
    found = documents.model(separate, ChallengesFile)
    challenges = to_challenges(documents, separate)
    return None if found is None else challenges


def _check_body(
    documents: Documents, file: str, line: int, body: str, checks: Sequence[LessonCheck]
) -> None:
    if not body.strip():
        documents.report(file, line, "body", "the lesson has no text")
        return
    for check in checks:
        reason = check(body)
        if reason is not None:
            documents.report(file, line, "body", reason)
