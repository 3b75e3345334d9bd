"""Hostile return targets never take the redirect view off the vendor's own hosts.

Each target goes in ``?next=`` (and in the parameter the vendor itself sends, such as
``return_to``) to every vendor with a redirect view, for a user who gets a token and for
one who doesn't (staff): the ``Location`` must be https on a host the vendor's fixture
documents (its SSO URL's and its portal's), independently of the app's own allow-list,
and its path, as a browser resolves it (ada, a WHATWG URL parser), must not start with
``//`` nor leave the portal's path.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import ada_url
import pytest
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme

from tests.conftest import VENDORS
from tests.contract.facts import VendorFacts
from tests.contract.redirect import landing
from tests.factories import StaffUserFactory, UserFactory
from tests.oracle import DOCUMENTED, verify
from tests.settings import SECRETS

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls")]

#: Every vendor with a redirect view, as its folder's fixture describes it: its own hosts
#: (its SSO URL's and its portal's), its token parameter, where return targets arrive and
#: where it reads them on its SSO URL.
REDIRECTING = {vendor_id: VendorFacts.of(vendor_id) for vendor_id in VENDORS
               if DOCUMENTED[vendor_id].sso_url and not DOCUMENTED[vendor_id].handshake}
#: Vendors that start an implicit round trip (Freshworks): the hostile targets arrive as
#: its ``redirect_uri`` (and ``next``) beside a real nonce and state.
IMPLICIT = {vendor_id: VendorFacts.of(vendor_id) for vendor_id in VENDORS
            if DOCUMENTED[vendor_id].handshake == "oidc_implicit"}


#: ``{host}`` is the vendor's own host, so look-alikes and userinfo tricks aim at it.
HOSTILE = [
    # scheme-relative and slash tricks
    "//evil.example/", "///evil.example/", "////evil.example", "//evil.example/%2F..",
    " //evil.example", "/\t/evil.example",
    # backslashes, which browsers read as slashes
    "/\\evil.example", "\\\\evil.example", "/\\/evil.example", "\\/evil.example",
    "https://evil.example\\@{host}/", "https://evil.example:443\\@{host}",
    # other hosts, other schemes, downgrades, malformed schemes
    "https://evil.example/", "http://evil.example", "ftp://evil.example/",
    "http://{host}/", "https:evil.example", "https:/evil.example", "https:///evil.example",
    "evil.example", "@evil.example", "..//evil.example",
    # userinfo tricks
    "//{host}@evil.example/", "https://{host}@evil.example/", "https://{host}:443@evil.example/",
    "https://{host}%40evil.example", "https://{host}%2F@evil.example",
    "https://evil.example%2F@{host}",
    # the vendor's host somewhere it doesn't count
    "https://evil.example#@{host}/", "https://evil.example?@{host}/",
    "https://evil.example/{host}", "https://evil.example/?next=https://{host}/",
    # look-alike and suffix hosts
    "https://{host}.evil.example/", "https://evil-{host}/", "https://{host}evil.example/",
    "https://{HOST}.EVIL.EXAMPLE/", "https://{host}./", "https://{host}:8443/",
    # IDN: Cyrillic letters, fullwidth letters, ideographic full stops, punycode
    "https://{cyrillic}/", "https://\uff45vil.example/", "https://{host}\u3002evil.example/",
    "https://{fullwidth_dots}/", "https://xn--80ak6aa92e.com/",
    # percent-encoded
    "%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "/%5Cevil.example",
    # script and data URLs
    "javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
    "java\tscript:alert(1)", "javascript://{host}/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
    # CR/LF and other control characters
    "/\r\nLocation: https://evil.example", "\r\n//evil.example", "/%0d%0aSet-Cookie:%20a=b",
    "https://{host}\x00.evil.example/", "https://{host}\x0b.evil.example/",
    # dot segments, "%2e" too, that a browser resolves to the path "//evil.example"
    "/.//evil.example", "/x/..//evil.example", "/%2e//evil.example", "/%2e%2e//evil.example",
    "/%2E%2E//evil.example", "/.%2e//evil.example", "/%2e.//evil.example",
    "/x/%2e%2e/%2e%2e//evil.example", "https://{host}/.//evil.example",
    "https://{host}/a/b/../../..//evil.example", "/x/..%2F%2Fevil.example",
    "https://{host}//evil.example",
    # loopback and internal addresses, and a target far too long to be honest
    "https://127.0.0.1/", "https://[::1]/", "https://0x7f.1/", "/" + "a" * 3000,
]


def hostile_targets(vendor_id: str) -> list[str]:
    host = {**REDIRECTING, **IMPLICIT}[vendor_id].own_host
    return [target.format(host=host, HOST=host.upper(),
                          cyrillic=host.replace("a", "\u0430").replace("e", "\u0435"),
                          fullwidth_dots=host.replace(".", "\uff0e"))
            for target in HOSTILE]


def location_problem(location: str, hosts: set[str], boundary: str = "") -> str | None:
    """Why a browser following ``location`` could leave the vendor's hosts, if it could."""
    if any(ord(char) <= 0x20 or char in "\\\x7f" for char in location):
        return "control character, space or backslash"
    parts = urlsplit(location)
    if parts.scheme != "https":
        return f"scheme {parts.scheme!r}"
    if parts.netloc not in hosts:
        return f"host {parts.netloc!r}"
    if not url_has_allowed_host_and_scheme(location, hosts, require_https=True):
        return "Django's url_has_allowed_host_and_scheme says no"
    return path_problem(location, boundary)


def path_problem(location: str, boundary: str) -> str | None:
    """Why the path of ``location`` could become ``//host`` or leave ``boundary``.

    As a browser resolves it, and as a server that percent-decodes the path before
    resolving its dot segments would.
    """
    path = ada_url.URL(location).pathname
    decoded = ada_url.URL(quote(unquote(path), safe="/"), "https://portal.test/").pathname
    for resolved in (path, decoded):
        if resolved.startswith("//"):
            return f"path {resolved!r} starts with '//'"
        if boundary and resolved != boundary and not resolved.startswith(boundary + "/"):
            return f"path {resolved!r} is outside {boundary!r}"
    return None


def redirect_problem(location: str, vendor_id: str, boundary: str = "") -> str | None:
    """What is wrong with ``location`` and the return target in it (the vendor's
    documented ``return_param``): the vendor sends the user on to it after sign-in."""
    vendor = REDIRECTING[vendor_id]
    nested = parse_qs(urlsplit(location).query).get(vendor.rules.return_param or "", [])
    for url in (location, *nested):
        problem = location_problem(url, vendor.hosts, boundary)
        if problem:
            return problem
    return None


@pytest.fixture(params=["user", "staff"])
def client(request: Any) -> Any:
    user = UserFactory() if request.param == "user" else StaffUserFactory()
    client = Client()
    client.force_login(user)
    client.user = user  # type: ignore[attr-defined]
    return client


def test_the_corpus_is_big_enough() -> None:
    assert len(HOSTILE) >= 30


@pytest.mark.parametrize("vendor_id", sorted(REDIRECTING))
def test_hostile_return_targets_never_leave_the_vendors_hosts(client: Any,
                                                               vendor_id: str) -> None:
    vendor = REDIRECTING[vendor_id]
    failures = []
    for param in vendor.return_params:
        for target in hostile_targets(vendor_id):
            response = client.get(f"/feedback-sso/{vendor_id}/redirect/?{param}={quote(target)}")
            location, tokens = landing(response, str(vendor.rules.token_param))
            problem = redirect_problem(location, vendor_id)
            if problem:
                failures.append(f"{param}={target!r} -> {location!r}: {problem}")
            if client.user.is_staff:
                assert tokens == [], (param, target)
            else:
                (token,) = tokens
                assert verify(vendor_id, token)[vendor.rules.email_claim] == client.user.email
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("vendor_id", sorted(IMPLICIT))
def test_an_implicit_round_trip_answers_its_sso_url_only(client: Any, vendor_id: str) -> None:
    """Whatever ``redirect_uri`` (or ``next``) says, the token goes to ``SSO_URL`` exactly;
    a refused user gets a 403 and no Location at all."""
    vendor = IMPLICIT[vendor_id]
    failures = []
    for param in ("redirect_uri", "next"):
        for target in hostile_targets(vendor_id):
            query = urlencode({"response_type": "id_token", "client_id": "1", "state": "s0",
                               "nonce": "n0", param: target})
            response = client.get(f"/feedback-sso/{vendor_id}/redirect/?{query}")
            if client.user.is_staff:
                assert (response.status_code, response.has_header("Location")) == (403, False)
                continue
            location = response["Location"]
            if location.split("?")[0] != vendor.sso_url:
                failures.append(f"{param}={target!r} -> {location!r}")
            (token,) = parse_qs(urlsplit(location).query)["id_token"]
            assert verify(vendor_id, token)["nonce"] == "n0"
    assert not failures, "\n".join(failures)


#: Vendors whose portal can sit under a path and whose SSO URL lives on it, and targets that
#: leave ``/board``.
BOARD_VENDORS = sorted(vendor_id for vendor_id, vendor in REDIRECTING.items()
                       if vendor.keeps_targets and vendor.rules.portal == "{PORTAL_URL}"
                       and str(vendor.rules.sso_url).startswith("{PORTAL_URL}"))
OUTSIDE_THE_BOARD = [
    "/..", "/../other/", "/%2e%2e/other/", "/%2E%2E/other/", "/.%2e/other/", "/%2e./other/",
    "/x/../../other", "/x/%2e%2e/%2e%2e/other", "/..%2Fother", "/%2e%2e%2Fother",
    "https://{host}", "https://{host}/", "https://{host}/other", "https://{host}/boardroom",
    "https://{host}/board/../other", "https://{host}/board/%2e%2e/other",
    "https://{host}/board/..%2F..%2Fother", "https://{host}/Board/ideas",
]


def on_board(vendor_settings: Any, vendor_id: str) -> str:
    """Moves the vendor's portal under ``/board``, and an SSO URL set on the portal with it;
    returns its host."""
    vendor = REDIRECTING[vendor_id]
    portal = vendor.example["PORTAL_URL"]
    changes = {"PORTAL_URL": f"https://{vendor.own_host}/board"}
    sso_url = vendor.example.get("SSO_URL", "")
    if sso_url.startswith(portal):
        changes["SSO_URL"] = "{PORTAL_URL}" + sso_url.removeprefix(portal)
    vendor_settings(vendor_id, **changes)
    return vendor.own_host


@pytest.mark.parametrize("vendor_id", BOARD_VENDORS)
def test_a_portal_path_is_a_boundary(client: Any, vendor_settings: Any, vendor_id: str) -> None:
    vendor = REDIRECTING[vendor_id]
    host = on_board(vendor_settings, vendor_id)
    failures = []
    for param in vendor.return_params:
        for target in OUTSIDE_THE_BOARD:
            target = target.format(host=host, HOST=host.upper())
            response = client.get(f"/feedback-sso/{vendor_id}/redirect/?{param}={quote(target)}")
            location, _ = landing(response, str(vendor.rules.token_param))
            problem = redirect_problem(location, vendor_id, "/board")
            if problem:
                failures.append(f"{param}={target!r} -> {location!r}: {problem}")
    assert not failures, "\n".join(failures)


def without_our_token(location: str) -> str:
    return location.split("?sso=")[0].split("&sso=")[0]


@pytest.mark.parametrize(("target", "expected"), [
    ("/", "https://feedback.example.com/board/"),
    ("/ideas?tab=new&sort=top", "https://feedback.example.com/board/ideas?tab=new&sort=top"),
    ("/files/report.v2.final.pdf", "https://feedback.example.com/board/files/report.v2.final.pdf"),
    ("/a/../b", "https://feedback.example.com/board/b"),
    ("/a/%2e%2e/b/./c", "https://feedback.example.com/board/b/c"),
    ("https://feedback.example.com/board", "https://feedback.example.com/board"),
    ("https://feedback.example.com/board/ideas/", "https://feedback.example.com/board/ideas/"),
    ("https://feedback.example.com/board/a/../b", "https://feedback.example.com/board/b"),
])
def test_honest_targets_under_a_portal_path_are_kept(client: Any, vendor_settings: Any,
                                                     target: str, expected: str) -> None:
    """What the browser would resolve anyway is sent resolved: what we checked is what it gets."""
    on_board(vendor_settings, "productlift")

    location = client.get(f"/feedback-sso/productlift/redirect/?next={quote(target)}")[
        "Location"]

    assert without_our_token(location) == expected


@pytest.mark.parametrize(("vendor_id", "target", "expected"), [
    ("sleekplan", "/roadmap?tab=new", "https://acme.sleekplan.app/roadmap?tab=new"),
    ("sleekplan", "/roadmap/../changelog", "https://acme.sleekplan.app/changelog"),
    ("productlift", "/docs/v1.2/report.final.pdf",
     "https://feedback.example.com/docs/v1.2/report.final.pdf"),
    # Parameters that only look like the token parameter stay.
    ("productlift", "/p/42?tab=new&q=sso&sso_theme=dark&ssoid=7",
     "https://feedback.example.com/p/42?tab=new&q=sso&sso_theme=dark&ssoid=7"),
    ("productlift", "https://feedback.example.com/p/42",
     "https://feedback.example.com/p/42"),
    ("productlift", "https://FEEDBACK.example.com:443/p/42",
     "https://FEEDBACK.example.com:443/p/42"),
])
def test_honest_targets_are_kept(client: Any, vendor_id: str, target: str,
                                 expected: str) -> None:
    """The control group: the view does follow targets, so the corpus above means something."""
    location = client.get(f"/feedback-sso/{vendor_id}/redirect/?next={quote(target)}")[
        "Location"]

    assert without_our_token(location) == expected


#: Ways a vendor's server may read its token parameter, ``{name}``, out of a target.
SMUGGLED = [
    "?a=1&+{name}={token}", "?%20{name}={token}", "?{NAME}={token}", "?{name}[]={token}",
    "?{name}[0]={token}", "?{name}.={token}", "?a=1;{name}={token}", "#{name}={token}",
    "#/ideas?a=1&{name}={token}", ";{name}={token}", "?next=%2Fideas%3F{name}%3D{token}",
]


@pytest.mark.parametrize(("vendor_id", "param", "target"), [
    ("sleekplan", "next", "/board?sso={token}"),
    ("productlift", "next", "https://feedback.example.com/?a=1&sso={token}"),
    # The vendor's own SSO URL, its token already on it.
    *[(vendor_id, vendor.return_params[-1],
       f"{vendor.sso_url}{'&' if '?' in vendor.sso_url else '?'}{vendor.rules.token_param}"
       "={token}")
      for vendor_id, vendor in REDIRECTING.items()],
    *[(vendor_id, vendor.return_params[-1], f"https://{vendor.own_host}/ideas"
       + variant.replace("{name}", name).replace("{NAME}", name.upper()))
      for vendor_id, vendor in REDIRECTING.items()
      for name in [str(vendor.rules.token_param)] for variant in SMUGGLED],
])
def test_a_target_cannot_smuggle_in_someone_elses_token(
    client: Any, vendor_id: str, param: str, target: str
) -> None:
    """An attacker's own valid token in the target would sign the victim in as the attacker
    wherever we add no token of our own (staff, refused users)."""
    attacker = Client()
    attacker.force_login(UserFactory())
    stolen = attacker.get(f"/feedback-sso/{vendor_id}/token/").json()["token"]

    response = client.get(f"/feedback-sso/{vendor_id}/redirect/?{param}="
                          + quote(target.format(token=stolen)))

    location, tokens = landing(response, str(REDIRECTING[vendor_id].rules.token_param))
    assert stolen not in location
    assert stolen not in tokens


def test_anonymous_users_go_to_our_login_page_first() -> None:
    target = quote("https://evil.example/")

    location = Client().get(f"/feedback-sso/sleekplan/redirect/?next={target}")["Location"]

    assert urlsplit(location).netloc == ""
    assert location.startswith("/accounts/login/?next=/feedback-sso/sleekplan/redirect/")


# DiscourseConnect: the forum's signed request names where the answer goes ---------------

#: Vendors that answer a signed request (Discourse), as their fixtures describe them.
HANDSHAKING = {vendor_id: VendorFacts.of(vendor_id) for vendor_id in VENDORS
               if DOCUMENTED[vendor_id].kind == "discourse_connect"}


@pytest.mark.parametrize("vendor_id", sorted(HANDSHAKING))
def test_a_signed_return_sso_url_off_the_forum_gets_no_answer(client: Any,
                                                              vendor_id: str) -> None:
    """Even signed with the right secret (a leaked request, another forum on the same
    secret), a ``return_sso_url`` off the forum's host gets a 403 and no Location."""
    host = HANDSHAKING[vendor_id].own_host
    failures = []
    for target in HOSTILE:
        url = target.format(host=host, HOST=host.upper(),
                            cyrillic=host.replace("a", "\u0430").replace("e", "\u0435"),
                            fullwidth_dots=host.replace(".", "\uff0e"))
        raw = urlencode([("nonce", "0123abcd"), ("return_sso_url", url)]).encode()
        sso = base64.b64encode(raw).decode()
        sig = hmac.new(SECRETS[vendor_id].encode(), sso.encode(), hashlib.sha256).hexdigest()
        response = client.get(f"/feedback-sso/{vendor_id}/redirect/?"
                              + urlencode({"sso": sso, "sig": sig}))
        if response.status_code not in (400, 403) or response.has_header("Location"):
            failures.append(f"{url!r} -> {response.status_code} "
                            f"{response.get('Location', '')!r}")
    assert not failures, "\n".join(failures)
