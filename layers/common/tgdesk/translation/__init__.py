"""Translation between a project's users and its agents.

- provider: who translates (Amazon Translate, or the offline stand-in), behind one interface;
- settings: a project's settings (on or off, the agents' language) and the cached copy;
- inbound: a user's message translated once into the agents' language (the stream's part);
- outbound: the preview of an agent's text in the user's language before it is sent.
"""
