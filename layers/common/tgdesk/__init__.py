"""tgdesk: the shared package of every function (domain, storage, Telegram client)."""
