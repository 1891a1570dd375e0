"""Achievement rows to domain objects: an unusable rule is logged, never fatal."""

import logging

from domain.achievements import Achievement, parse_criterion
from domain.errors import InvalidCriterion
from infrastructure.db.models import AchievementRow

log = logging.getLogger(__name__)


def to_achievement(row: AchievementRow) -> Achievement:
    try:
        criterion = parse_criterion(row.criteria)
    except InvalidCriterion as error:
        log.warning(
            "achievement %s has unusable criteria, it cannot be earned: %s", row.slug, error
        )
        criterion = None
    return Achievement(
        id=row.id,
        slug=row.slug,
        type=row.type,
        title=row.title,
        description=row.description,
        icon=row.icon,
        points=row.points,
        criterion=criterion,
    )
