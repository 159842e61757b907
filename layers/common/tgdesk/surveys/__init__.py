"""Satisfaction surveys (CSAT) and return visits.

- settings: a project's survey settings (admins edit, supervisors read) and the cached copy;
- wording: what the bot says per language (en, zh, ru by default), and the user's language;
- callback_data: the 1-5 buttons' data (`csat:{session}:{token}:{score}`, <= 64 bytes);
- quiet_hours: when the bot may write, in the user's local time when it is known;
- sending: the survey sent when a session is resolved, or when the quiet hours end;
- rating: a button press in the webhook: the rating stored once, answered in the response;
- comments: the user's next message after a rating, stored as its comment;
- followups: a rating of 3 or less followed up by the project's supervisors;
- return_visits: the check-in a set time after an escalated session was resolved;
- stream: the table stream's part (closes, due bot messages).
"""
