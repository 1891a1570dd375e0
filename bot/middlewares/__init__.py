"""Per-update context, in the order it is built: in-flight tracking, a unit of work, the
learner, the replay guard, the interface language."""

from bot.middlewares.inflight import InFlight
from bot.middlewares.learner import LearnerMiddleware
from bot.middlewares.locale import LearnerLocale
from bot.middlewares.replay import ReplayGuard
from bot.middlewares.uow import UnitOfWorkMiddleware

__all__ = ["InFlight", "LearnerLocale", "LearnerMiddleware", "ReplayGuard", "UnitOfWorkMiddleware"]
