"""Telegram: parsing the updates the Bot API sends, and a client for the calls we make."""
