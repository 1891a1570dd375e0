"""Alembic migrations; ``env.py`` and ``versions/`` are found through this package."""
