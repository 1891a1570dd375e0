"""Writes course content by slug: update the row that has the slug, insert otherwise."""

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.content import AchievementSpec, ChallengeSpec, CourseSettings, LessonSpec, ModuleSpec
from infrastructure.db.content_version import ContentVersion, bump_version
from infrastructure.db.models import (
    AchievementRow,
    ChallengeRow,
    EarnedRow,
    LeagueTierNameRow,
    LessonRow,
    ModuleRow,
    table,
)
from infrastructure.db.repositories.course_settings import write_settings
from infrastructure.db.repositories.totals import mark_changed


class SqlContentWriter:
    """Slug-to-id maps are read once per transaction, so a large pack costs few queries.

    Every write bumps the content version (once per transaction), so each process's cached
    catalogue is reloaded once the publish commits.
    """

    def __init__(self, session: AsyncSession, version: ContentVersion) -> None:
        self._session = session
        self._version = version
        self._modules: dict[str, int] | None = None
        self._lessons: dict[tuple[int, str], int] | None = None

    async def save_module(self, module: ModuleSpec, now: datetime) -> None:
        await self._changed()
        values = {
            "title": module.title,
            "description": module.description,
            "order": module.order,
            "is_published": module.published,
        }
        modules = await self._module_ids()
        modules[module.slug] = await self._upsert(
            ModuleRow, modules.get(module.slug), values | {"slug": module.slug}, now
        )

    async def save_lesson(self, module_slug: str, lesson: LessonSpec, now: datetime) -> None:
        await self._changed()
        module_id = (await self._module_ids())[module_slug]
        lessons = await self._lesson_ids()
        known = lessons.get((module_id, lesson.slug))
        values = {
            "module_id": module_id,
            "slug": lesson.slug,
            "title": lesson.title,
            "content": lesson.content,
            "order": lesson.order,
            "estimated_duration": lesson.estimated_duration,
            "is_published": lesson.published,
        }
        lesson_id = await self._upsert(LessonRow, known, values, now)
        lessons[module_id, lesson.slug] = lesson_id
        await self._save_challenges(lesson_id, lesson.challenges, now, fresh=known is None)

    async def _save_challenges(
        self, lesson_id: int, challenges: tuple[ChallengeSpec, ...], now: datetime, fresh: bool
    ) -> None:
        """Delete the challenges the lesson no longer has (the service made sure nobody
        answered them), update the ones it keeps and insert the new ones in one batch."""
        rows = table(ChallengeRow)
        existing: dict[str, int] = {}
        if not fresh:
            found = await self._session.execute(
                sa.select(rows.c.slug, rows.c.id).where(rows.c.lesson_id == lesson_id)
            )
            existing = dict(found.all())
            kept = {challenge.slug for challenge in challenges}
            removed = [row_id for slug, row_id in existing.items() if slug not in kept]
            if removed:
                await self._session.execute(sa.delete(rows).where(rows.c.id.in_(removed)))
        inserts = []
        for order, challenge in enumerate(challenges, start=1):
            values = challenge_values(lesson_id, order, challenge) | {"updated_at": now}
            if challenge.slug in existing:
                update = sa.update(rows).where(rows.c.id == existing[challenge.slug])
                await self._session.execute(update.values(values))
            else:
                inserts.append(values | {"created_at": now})
        if inserts:
            await self._session.execute(sa.insert(rows), inserts)

    async def save_achievement(self, achievement: AchievementSpec, now: datetime) -> None:
        await self._changed()
        rows = table(AchievementRow)
        found = await self._session.execute(
            sa.select(rows.c.id, rows.c.points).where(rows.c.slug == achievement.slug)
        )
        known, points = found.one_or_none() or (None, achievement.points)
        if known is not None and points != achievement.points:
            earners = sa.select(EarnedRow.user_id).where(EarnedRow.achievement_id == known)
            await mark_changed(self._session, earners)
        values = {
            "slug": achievement.slug,
            "type": achievement.type,
            "title": achievement.title,
            "description": achievement.description,
            "icon": achievement.icon,
            "points": achievement.points,
            "criteria": achievement.criteria,
        }
        await self._upsert(AchievementRow, known, values, now)

    async def save_settings(self, settings: CourseSettings, now: datetime) -> None:
        await self._changed()
        await write_settings(self._session, settings, now)

    async def save_league_tiers(self, names: tuple[str, ...]) -> None:
        """Few rows, replaced whole; the league reads join them, so no cache is bumped."""
        rows = table(LeagueTierNameRow)
        await self._session.execute(sa.delete(rows))
        if names:
            values = [{"tier": tier, "name": name} for tier, name in enumerate(names)]
            await self._session.execute(sa.insert(rows), values)

    async def unpublish_module(self, slug: str, now: datetime) -> None:
        await self._changed()
        rows = table(ModuleRow)
        statement = sa.update(rows).where(rows.c.slug == slug)
        await self._session.execute(statement.values(is_published=False, updated_at=now))

    async def unpublish_lesson(self, module_slug: str, slug: str, now: datetime) -> None:
        await self._changed()
        rows = table(LessonRow)
        module_id = (await self._module_ids())[module_slug]
        statement = sa.update(rows).where(rows.c.module_id == module_id, rows.c.slug == slug)
        await self._session.execute(statement.values(is_published=False, updated_at=now))

    async def _changed(self) -> None:
        self._version.written = True
        await bump_version(self._session)

    async def _upsert(
        self, model: Any, row_id: int | None, values: dict[str, Any], now: datetime
    ) -> int:
        rows = table(model)
        if row_id is not None:
            update = sa.update(rows).where(rows.c.id == row_id)
            await self._session.execute(update.values(values | {"updated_at": now}))
            return row_id
        insert = sa.insert(rows).values(values | {"created_at": now, "updated_at": now})
        result = await self._session.execute(insert)
        return int(result.inserted_primary_key[0])  # type: ignore[attr-defined]

    async def _module_ids(self) -> dict[str, int]:
        if self._modules is None:
            rows = table(ModuleRow)
            found = await self._session.execute(sa.select(rows.c.slug, rows.c.id))
            self._modules = dict(found.all())
        return self._modules

    async def _lesson_ids(self) -> dict[tuple[int, str], int]:
        if self._lessons is None:
            rows = table(LessonRow)
            found = await self._session.execute(sa.select(rows.c.module_id, rows.c.slug, rows.c.id))
            self._lessons = {(module_id, slug): row_id for module_id, slug, row_id in found}
        return self._lessons


def challenge_values(lesson_id: int, order: int, challenge: ChallengeSpec) -> dict[str, Any]:
    return {
        "lesson_id": lesson_id,
        "slug": challenge.slug,
        "order": order,
        "kind": challenge.kind,
        "prompt": challenge.prompt,
        "options": json.dumps(list(challenge.options), ensure_ascii=False),
        "answers": json.dumps(list(challenge.answers), ensure_ascii=False),
        "explanation": challenge.explanation,
        "points": challenge.points,
        "form": challenge.form.value,
        "open_period": challenge.open_period,
    }
