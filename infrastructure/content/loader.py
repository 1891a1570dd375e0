"""A pack folder: ``course.yaml``, then one folder per module with ``module.yaml`` and
its lessons. Every problem in every file is collected before anything is refused."""

from collections.abc import Sequence
from pathlib import Path

from domain.content import AchievementSpec, CoursePack, ModuleSpec
from infrastructure.content.achievements import to_achievements
from infrastructure.content.documents import Documents
from infrastructure.content.lessons import LessonCheck, read_lesson
from infrastructure.content.limits import too_many_files, visible
from infrastructure.content.problems import InvalidPack
from infrastructure.content.schema import CourseModel, ModuleModel
from infrastructure.content.yaml_source import YamlDocument

__all__ = ["LessonCheck", "load_pack"]


def load_pack(root: Path, lesson_checks: Sequence[LessonCheck] = ()) -> CoursePack:
    """The pack as the domain sees it; raises InvalidPack listing every problem."""
    documents = Documents(root)
    if not (root / "course.yaml").is_file():
        documents.report("course.yaml", None, "(file)", f"no course.yaml in {root}")
        raise InvalidPack(documents.problems)
    crowded = too_many_files(root)
    if crowded is not None:
        documents.report(".", None, "(pack)", crowded)
        raise InvalidPack(documents.problems)
    document = documents.yaml(root / "course.yaml")
    course = None if document is None else documents.model(document, CourseModel)
    folders = sorted(path for path in root.iterdir() if path.is_dir() and visible(path))
    read = [read_module(documents, folder, n, lesson_checks) for n, folder in enumerate(folders, 1)]
    modules = [module for module in read if module is not None]
    documents.unique(
        [(module, folder / "module.yaml") for module, folder in zip(read, folders, strict=True)],
        "module",
    )
    if document is not None:
        slugs = {module.slug for module in modules} if len(modules) == len(read) else None
        achievements = to_achievements(documents, document, slugs)
        if course is not None:
            _rewards_known(documents, document, course, achievements)
            _distinct_tiers(documents, document, course.league_tiers)
    if documents.problems or course is None:
        raise InvalidPack(documents.problems)
    return CoursePack(
        course.title,
        course.description,
        tuple(modules),
        achievements,
        course.settings(),
        tuple(course.league_tiers),
    )


def _rewards_known(
    documents: Documents,
    document: YamlDocument,
    course: CourseModel,
    achievements: Sequence[AchievementSpec],
) -> None:
    """A streak freeze reward names an achievement of the pack, by slug."""
    rewards = [] if course.streak_freeze is None else course.streak_freeze.achievements
    known = {achievement.slug for achievement in achievements}
    for number, slug in enumerate(rewards):
        if slug not in known:
            location = ("streak_freeze", "achievements", number)
            documents.at(document, location, f"no achievement has the slug {slug!r}")


def _distinct_tiers(documents: Documents, document: YamlDocument, names: list[str]) -> None:
    """Two tiers of one name would make a promotion read as staying put."""
    seen: set[str] = set()
    for index, name in enumerate(names):
        if name.casefold() in seen:
            documents.at(document, ("league_tiers", index), f"duplicate tier name {name!r}")
        seen.add(name.casefold())


def read_module(
    documents: Documents, folder: Path, position: int, lesson_checks: Sequence[LessonCheck]
) -> ModuleSpec | None:
    """A module's order defaults to its folder's position; a lesson's to its file's."""
    path = folder / "module.yaml"
    if not path.is_file():
        documents.report(documents.name(path), None, "(file)", "a module folder needs module.yaml")
        return None
    document = documents.yaml(path)
    model = None if document is None else documents.model(document, ModuleModel)
    files = sorted(folder.glob("*.md"))
    lessons = [read_lesson(documents, file, n, lesson_checks) for n, file in enumerate(files, 1)]
    documents.unique(list(zip(lessons, files, strict=True)), "lesson")
    if model is None:
        return None
    return ModuleSpec(
        slug=model.slug,
        title=model.title,
        description=model.description,
        order=position if model.order is None else model.order,
        published=model.published,
        lessons=tuple(lesson for lesson in lessons if lesson is not None),
    )
