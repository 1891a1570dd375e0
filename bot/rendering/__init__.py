"""Turning domain results into Telegram messages: HTML texts and inline keyboards."""
