"""The Telegram driving adapter (aiogram 3): routers, keyboards, middlewares, rendering."""
