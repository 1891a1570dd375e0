"""Alembic migrations; ``env.py`` and ``versions/`` are found through this package."""

HEAD_REVISION = "0015"
"""The newest revision in ``versions/``: what ``learnbot run`` checks the database against.

Kept here so a starting bot reads one row instead of importing Alembic (about 10 MB and
0.3 s of a 128 MB container); tests/migrations/test_head.py fails when a new migration
does not update it.
"""
