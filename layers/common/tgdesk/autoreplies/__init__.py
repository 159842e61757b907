"""The bot's own answers: a welcome, an off-hours answer and FAQ answers with buttons.

- settings: a project's answers and FAQ rules (admins and its supervisors edit them), and
  the cached copy the stream reads; `add_faq_rule` turns an agent's answer into a rule (an
  agent's own answer: a proposal, never answered with until a supervisor approves it);
- wording: the default texts per language (en, zh, ru), and the text a user gets;
- matching: a user's text against the FAQ rules, normalised (pure);
- off_hours: whether the team is away at an instant, by the project's SLA business hours,
  and when it is back (pure over the cached SLA settings);
- buttons: the FAQ answer's buttons' data (`faq:{session}:{token}:{s|h}`, <= 64 bytes);
- answering: the stream's part: on a user's message, what is due is written and sent;
- presses: a press of "That solved it" / "I still need help", in the webhook.
"""
