"""The app's own JavaScript on a page: the core (``static/feedback_sso/feedback-sso.js``) and
the module of each vendor shown (``vendors/<id>/widget.js``), served by the module view.

Issue 18: a page with one vendor carries at most 8 KiB of it. What the scripts do is tested
in headless Chromium (tests/browser/).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import resolve

import django_feedback_sso
from django_feedback_sso.vendors import BUILTIN_SPECS
from django_feedback_sso.vendors.folders import builtin_folders
from tests.factories import UserFactory
from tests.html import Snippet

pytestmark = pytest.mark.django_db

BUDGET = 8 * 1024
CORE = "/static/feedback_sso/feedback-sso.js"
#: The vendors whose snippet is the core and the vendor's module; the others' snippets are
#: the vendor's own loader (ProductLift, BoostGPT) or a link through the redirect view.
WITH_MODULE = {"announcekit", "canny", "changelogfy", "channelio", "chatwoot", "crisp",
               "featurebase", "featureos", "frill", "front", "gleap", "helpscout", "intercom",
               "intercom_hmac", "nolt", "novu", "pylon", "sleekplan", "uservoice",
               "zendesk_messaging"}
#: Every built-in vendor's module file, by vendor id.
MODULES = {vendor_id: folder / "widget.js" for vendor_id, folder in builtin_folders().items()
           if (folder / "widget.js").is_file()}


def own_javascript(client: Client, html: str) -> dict[str, int]:
    """The app's own scripts a page loads, by URL, with their sizes in bytes: static files
    as the staticfiles finders find them, modules as the module view answers them. A URL
    counts once, as the browser fetches it once."""
    sizes = {}
    for script in Snippet(html).scripts():
        src = script.attrs.get("src") or ""
        if src.startswith(settings.STATIC_URL):
            found = finders.find(src.removeprefix(settings.STATIC_URL))
            assert isinstance(found, str), src
            sizes[src] = Path(found).stat().st_size
        elif src.startswith("/") and resolve(urlsplit(src).path).view_name == (
                "feedback_sso:script"):
            response = client.get(src)
            assert response.status_code == 200, src
            sizes[src] = len(response.content)
    return sizes


def signed_in_client() -> Client:
    client = Client()
    client.force_login(UserFactory())
    return client


@pytest.mark.parametrize("vendor_id", sorted(BUILTIN_SPECS))
def test_a_page_with_one_vendor_carries_at_most_8_kib_of_our_javascript(
        vendor_id: str) -> None:
    client = signed_in_client()

    sizes = own_javascript(client, client.get(f"/page/{vendor_id}/").content.decode())

    assert {urlsplit(url).path for url in sizes} == (
        {CORE, f"/feedback-sso/js/{vendor_id}.js"} if vendor_id in WITH_MODULE else set())
    assert sum(sizes.values()) <= BUDGET, sizes


@pytest.mark.parametrize("vendor_id", [vendor_id for vendor_id, spec in BUILTIN_SPECS.items()
                                       if spec.widget.sign_out_call])
def test_the_first_page_after_a_sign_out_too(vendor_id: str) -> None:
    client = signed_in_client()
    client.post("/test-logout/")

    sizes = own_javascript(client, client.get(f"/page/{vendor_id}/").content.decode())

    assert "/static/feedback_sso/sign-out.js" in sizes
    assert sum(sizes.values()) <= BUDGET, sizes


def test_two_vendors_load_the_core_once() -> None:
    client = signed_in_client()
    html = "".join(client.get(f"/page/{vendor_id}/").content.decode()
                   for vendor_id in ("canny", "nolt"))

    sizes = own_javascript(client, html)

    assert sorted(urlsplit(url).path for url in sizes) == [
        "/feedback-sso/js/canny.js", "/feedback-sso/js/nolt.js", CORE]


# The module view -------------------------------------------------------------------------


def module_src(vendor_id: str) -> str:
    """The module's URL as the tag renders it on the vendor's page."""
    html = signed_in_client().get(f"/page/{vendor_id}/").content.decode()
    (src,) = [script.attrs["src"] for script in Snippet(html).scripts()
              if script.attrs.get("data-feedback-sso") == vendor_id]
    assert src is not None
    return src


@pytest.mark.parametrize("vendor_id", sorted(WITH_MODULE))
def test_the_tags_module_url_names_its_content_and_is_kept_for_a_year(
        client: Client, vendor_id: str) -> None:
    src = module_src(vendor_id)

    response = client.get(src)

    body = MODULES[vendor_id].read_bytes()
    digest = hashlib.sha256(body).hexdigest()
    assert response.status_code == 200
    assert response.content == body
    assert parse_qs(urlsplit(src).query) == {"v": [digest[:12]]}
    assert {name: response[name] for name in ("Content-Type", "X-Content-Type-Options",
                                              "ETag", "Cache-Control", "Content-Length")} == {
        "Content-Type": "text/javascript; charset=utf-8",
        "X-Content-Type-Options": "nosniff",
        "ETag": f'"{digest}"',
        "Cache-Control": "public, max-age=31536000, immutable",
        "Content-Length": str(len(body)),
    }


@pytest.mark.parametrize("query", ["", "?v=0123456789ab", "?v="])
def test_a_url_without_the_current_version_is_revalidated(client: Client, query: str) -> None:
    response = client.get(f"/feedback-sso/js/sleekplan.js{query}")

    assert response.status_code == 200
    assert response.content == MODULES["sleekplan"].read_bytes()
    assert response["Cache-Control"] == "no-cache"


def test_a_matching_etag_is_a_304(client: Client) -> None:
    first = client.get("/feedback-sso/js/canny.js")

    again = client.get("/feedback-sso/js/canny.js", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert (again["ETag"], again["Cache-Control"]) == (first["ETag"], "no-cache")


def test_head_answers_the_headers_without_the_body(client: Client) -> None:
    get = client.get("/feedback-sso/js/intercom.js")

    head = client.head("/feedback-sso/js/intercom.js")

    assert head.status_code == 200
    assert head.content == b""
    assert {name: head[name] for name in ("Content-Type", "ETag", "Content-Length")} == {
        name: get[name] for name in ("Content-Type", "ETag", "Content-Length")}


@pytest.mark.parametrize("path", [
    "js/nope.js",  # no such vendor
    "js/productlift.js",  # a vendor without a module
    "js/acmeboard.js",  # another app's vendor: its module is a static file of its app
    "js/canny.json",
])
def test_anything_else_is_a_404(client: Client, path: str) -> None:
    assert client.get(f"/feedback-sso/{path}").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete", "options"])
def test_other_methods_get_a_405_even_with_csrf_checks(method: str) -> None:
    client = Client(enforce_csrf_checks=True)

    response = getattr(client, method)("/feedback-sso/js/canny.js")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_anonymous_visitors_get_it_under_login_required_middleware(
        settings: Any, client: Client) -> None:
    settings.MIDDLEWARE = [*settings.MIDDLEWARE,
                           "django.contrib.auth.middleware.LoginRequiredMiddleware"]

    response = client.get("/feedback-sso/js/sleekplan.js")

    assert response.status_code == 200
    assert response.content == MODULES["sleekplan"].read_bytes()


def test_every_module_file_is_served() -> None:
    """The folders' modules are the ones :data:`WITH_MODULE` and BoostGPT's (for
    single-page apps), and the view serves each."""
    assert set(MODULES) == WITH_MODULE | {"boostgpt"}
    for vendor_id, path in MODULES.items():
        response = Client().get(f"/feedback-sso/js/{vendor_id}.js")
        assert response.content == path.read_bytes()


# The app's URLs in a snippet are reversed once and kept (delivery._AppUrls): the cache
# must follow everything reverse() reads besides its arguments.

MODULE = Path(django_feedback_sso.__file__).parent / "vendors" / "sleekplan" / "widget.js"


def _urls_in(html: str) -> list[str]:
    return [element.attrs.get("src") or element.attrs.get("data-token-url") or ""
            for element in Snippet(html).scripts()][1:]


def test_the_snippets_urls_follow_the_script_prefix(user: Any) -> None:
    from django.urls import get_script_prefix, set_script_prefix

    from tests.conftest import render_tag

    before = _urls_in(render_tag(user, "sleekplan"))
    prefix = get_script_prefix()
    set_script_prefix("/mounted/")
    try:
        mounted = _urls_in(render_tag(user, "sleekplan"))
    finally:
        set_script_prefix(prefix)

    assert [url.removeprefix("/") for url in before] == [
        url.removeprefix("/mounted/") for url in mounted]
    assert all(url.startswith("/mounted/feedback-sso/") for url in mounted)


def test_the_snippets_urls_follow_the_requests_urlconf(user: Any) -> None:
    from django.urls import set_urlconf

    from tests.conftest import render_tag

    render_tag(user, "sleekplan")  # the site's own URLconf's answers, kept
    set_urlconf("tests.urls_mounted_elsewhere")  # as a middleware setting request.urlconf
    try:
        urls = _urls_in(render_tag(user, "sleekplan"))
    finally:
        set_urlconf(None)

    assert [url.split("?")[0] for url in urls] == ["/elsewhere/js/sleekplan.js"]
    assert urls[0].split("?")[1] == f"v={hashlib.sha256(MODULE.read_bytes()).hexdigest()[:12]}"
