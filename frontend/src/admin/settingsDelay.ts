/**
 * How long a saved project setting can take to reach incoming messages: the Telegram webhook keeps
 * each project for PROJECT_CACHE_SECONDS (tgdesk/inbound/ingest.py). tests/test_settings_delay.py
 * keeps the two equal.
 */
export const PROJECT_SETTINGS_DELAY_SECONDS = 60;
