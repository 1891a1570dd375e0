"""Turning domain text into what Telegram accepts."""
