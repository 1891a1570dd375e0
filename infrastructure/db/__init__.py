"""SQLAlchemy 2 async persistence for PostgreSQL, MySQL/MariaDB and SQLite."""
