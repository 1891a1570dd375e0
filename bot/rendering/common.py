"""Small pieces every screen uses."""

from html import escape as html_escape

from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import Nav, Screen


def escape(text: str) -> str:
    """Names and titles are user or author text: never let them open an HTML tag."""
    return html_escape(text, quote=False)


def add_menu_button(builder: InlineKeyboardBuilder) -> None:
    builder.button(text=_("🏠 Menu"), callback_data=Nav(screen=Screen.MENU))
