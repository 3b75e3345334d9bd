"""AnnounceKit's quirks (https://help.announcekit.app/en/articles/6583616-jwt-user-
authentication); its contract is generated (tests/contract/)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from django.test import Client

from tests.conftest import render_tag
from tests.factories import StaffUserFactory, UserFactory
from tests.html import Snippet


def test_without_a_widget_the_tag_links_to_the_feed(vendor_settings: Any, user: Any) -> None:
    vendor_settings("announcekit", WIDGET_URL=None)

    html = render_tag(user, "announcekit")
    (link,) = Snippet(html).elements

    assert (link.tag, link.attrs, link.text.strip()) == (
        "a", {"href": "/feedback-sso/announcekit/redirect/", "class": "feedback-sso-link",
              "data-feedback-sso": "announcekit"}, "Open AnnounceKit")
    assert "eyJ" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["user", "staff"])
@pytest.mark.parametrize("param", ["next", "redirect_url"])
def test_announcekit_never_signs_into_another_customers_feed(who: str, param: str) -> None:
    # announcekit.app hosts every customer's feed: the host alone proves nothing, the
    # path of FEED_URL (/acmeco/updates) is the boundary.
    client = Client()
    client.force_login(UserFactory() if who == "user" else StaffUserFactory())
    for target in ("https://announcekit.app/evilco/updates", "https://announcekit.app/",
                   "https://announcekit.app/acmeco/updates/../../evilco/updates",
                   "https://announcekit.app/acmeco/updatesevil"):
        response = client.get(f"/feedback-sso/announcekit/redirect/?{param}={quote(target)}")

        assert urlsplit(response["Location"]).path == "/acmeco/updates", target
    kept = client.get(f"/feedback-sso/announcekit/redirect/?{param}="
                      + quote("https://announcekit.app/acmeco/updates/new-pricing"))
    assert urlsplit(kept["Location"]).path == "/acmeco/updates/new-pricing"
