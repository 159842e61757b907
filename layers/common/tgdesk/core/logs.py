"""The handlers' logs: one Powertools logger per function, tgdesk's own lines through it.

Library modules log with `logging.getLogger(__name__)`. `function_logger` makes those lines
(and those of any other package named) come out as the handler's structured JSON, with its
keys (the correlation id among them) and its level, whatever the service name: Powertools
copies its handler onto the packages' top loggers, which every module logger below them
reaches, including those created after this call. (A service named `tgdesk` is that top
logger itself: its module loggers reach it as they are.)
"""

from __future__ import annotations

import logging

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers

LIBRARY = "tgdesk"


def function_logger(*packages: str) -> Logger:
    """The function's Powertools logger, with `tgdesk` and `packages` logging through it."""
    logger = Logger()
    names = {LIBRARY, *packages}
    for name in names:
        logging.getLogger(name)  # registered, so Powertools finds it even before any line
    copy_config_to_registered_loggers(source_logger=logger, include=names)
    return logger
