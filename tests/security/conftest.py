"""Shared helpers of the security suite: rendering as a project does, and every log record."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.template import engines
from django.test import RequestFactory

VENDORS = ("sleekplan", "productlift", "feedbackchimp", "issuely", "boostgpt",
           "frill", "nolt", "uservoice", "zendesk_messaging", "intercom", "announcekit",
           "changelogfy")
#: Vendors with a redirect view; the chat widgets, Nolt and Changelogfy have no portal URL.
REDIRECT_VENDORS = ("sleekplan", "productlift", "feedbackchimp", "issuely", "frill",
                    "uservoice", "announcekit")


def request_for(user: Any, path: str = "/page/") -> Any:
    """A GET request as the view layer sees it once AuthenticationMiddleware has run."""
    request = RequestFactory().get(path)
    request.user = user
    return request


def render_tag(user: Any, vendor_id: str, *, as_token: bool = False) -> str:
    """``{% feedback_sso_token vendor %}`` rendered with the ``request`` context processor."""
    source = ("{% load feedback_sso %}{% feedback_sso_token vendor as token %}{{ token }}"
              if as_token else "{% load feedback_sso %}{% feedback_sso_token vendor %}")
    template = engines["django"].from_string(source)
    return str(template.render({"vendor": vendor_id}, request_for(user)))


class _Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        """Every record as a handler would write it: message, arguments and traceback."""
        return "\n".join(self.format(record) for record in self.records)


@pytest.fixture
def all_logs() -> Iterator[_Everything]:
    """Every record of every logger at every level, non-propagating loggers included."""
    handler = _Everything()
    loggers = [logging.getLogger()] + [
        logger for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        if logger is logging.getLogger() or not logger.propagate:
            logger.addHandler(handler)
    yield handler
    for logger, level, disabled in saved:
        logger.setLevel(level)
        logger.disabled = disabled
        logger.removeHandler(handler)
