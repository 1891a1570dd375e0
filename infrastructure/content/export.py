"""Writing content back as a pack: the same format an author writes, ready to re-publish."""

from pathlib import Path
from typing import Any

import yaml

from domain.content import (
    AchievementSpec,
    ChallengeSpec,
    CoursePack,
    CourseSettings,
    LessonSpec,
    ModuleSpec,
)
from domain.enums import ChallengeForm
from domain.kinds import kind_of


def export_pack(pack: CoursePack, root: Path) -> None:
    """Folders and files are numbered by position; slugs and orders are written out."""
    root.mkdir(parents=True, exist_ok=True)
    course: dict[str, Any] = {"title": pack.title, "description": pack.description}
    course["achievements"] = [_achievement(item) for item in pack.achievements]
    course |= _settings(pack.settings)
    if pack.league_tiers:
        course["league_tiers"] = list(pack.league_tiers)
    _write_yaml(root / "course.yaml", course)
    for number, module in enumerate(pack.modules, 1):
        folder = root / f"{number:02d}-{module.slug}"
        folder.mkdir(exist_ok=True)
        _write_yaml(folder / "module.yaml", _module(module))
        for position, lesson in enumerate(module.lessons, 1):
            path = folder / f"{position:02d}-{lesson.slug}.md"
            path.write_text(_lesson(lesson), encoding="utf-8")


def _settings(settings: CourseSettings) -> dict[str, Any]:
    """Only what the pack set: a key left out keeps the operator's setting."""
    written: dict[str, Any] = {}
    if settings.level_names:
        written["level_names"] = dict(settings.level_names)
    freeze: dict[str, Any] = {"every": settings.freeze_every, "max": settings.freeze_max}
    freeze = {key: value for key, value in freeze.items() if value is not None}
    if settings.freeze_rewards:
        freeze["achievements"] = list(settings.freeze_rewards)
    if freeze:
        written["streak_freeze"] = freeze
    return written


def _write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.write_text(_dump(data), encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    """Multi-line text (code in a prompt, say) as a ``|`` block, as an author writes it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and value == value.rstrip(" ") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _module(module: ModuleSpec) -> dict[str, Any]:
    return {
        "slug": module.slug,
        "title": module.title,
        "description": module.description,
        "order": module.order,
        "published": module.published,
    }


def _lesson(lesson: LessonSpec) -> str:
    front: dict[str, Any] = {
        "slug": lesson.slug,
        "title": lesson.title,
        "order": lesson.order,
        "estimated_duration": lesson.estimated_duration,
        "published": lesson.published,
    }
    if lesson.challenges:
        front["challenges"] = [_challenge(challenge) for challenge in lesson.challenges]
    return f"---\n{_dump(front)}---\n\n{lesson.content}\n"


def _challenge(challenge: ChallengeSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"slug": challenge.slug, "kind": challenge.kind.value}
    data["prompt"] = challenge.prompt
    if kind_of(challenge.kind).typed:
        data["answers"] = list(challenge.answers)
    else:
        data["options"] = list(challenge.options)
        correct = [challenge.options[int(index)] for index in challenge.answers]
        data["answers"] = correct
    data["explanation"] = challenge.explanation
    data["points"] = challenge.points
    if challenge.form is ChallengeForm.POLL:
        data["form"] = challenge.form.value
    if challenge.open_period is not None:
        data["open_period"] = challenge.open_period
    return data


def _achievement(achievement: AchievementSpec) -> dict[str, Any]:
    return {
        "slug": achievement.slug,
        "type": achievement.type.value,
        "title": achievement.title,
        "description": achievement.description,
        "icon": achievement.icon,
        "points": achievement.points,
        "criteria": None if achievement.criteria is None else yaml.safe_load(achievement.criteria),
    }
