"""The activity log: every learner action, as an append-only record."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from domain.enums import ActivityType


@dataclass(frozen=True, slots=True)
class Activity:
    user_id: int
    activity_type: ActivityType
    created_at: datetime
    entity_type: str | None = None
    entity_id: int | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
