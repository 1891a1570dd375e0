"""The Telegram driving adapter: aiogram 3 routers, keyboards, middlewares and rendering.

It parses updates, calls one domain service through a unit of work per update, and renders
the reply. It knows the domain and aiogram, never the database adapters: the composition
root in ``learnbot`` hands it a unit-of-work factory and a clock.
"""

from bot.lazy_types import defer_model_builds

defer_model_builds()
