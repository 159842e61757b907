"""The sandbox Telegram: a fake Bot API and a page to write to the bot as a Telegram user."""
