"""The composition root: wires settings, adapters and services, and offers the CLI."""

import bot  # noqa: F401  (first, so aiogram's types are built lazily: see bot.lazy_types)
