"""Sign-out: the first page after ``logout()`` tells each vendor's widget to forget the user.

tests/settings.py installs ``SignOutMiddleware``. The built-in vendors with a documented
sign-out call are the keys of ``SIGN_OUT_CALLS`` below (the sign-out table in
docs/signout.md lists them too).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.utils.html import escape

from django_feedback_sso.signout import COOKIE, SALT
from django_feedback_sso.vendors.parts import sign_out_js
from django_feedback_sso.vendors.spec import VendorSpec
from django_feedback_sso.vendors.table import sign_out_table
from tests.factories import StaffUserFactory, UserFactory
from tests.html import Snippet

pytestmark = pytest.mark.django_db

#: Each vendor's documented call, as the sign-out script takes it: the path, then the
#: arguments' values.
SIGN_OUT_CALLS: dict[str, list[Any]] = {
    "sleekplan": ["$sleek.resetUser"],  # https://sleekplan.com/docs/sdk/user-setup
    "frill": ["Frill", "unidentify"],  # https://developers.frill.co/frill-script/identifying-users
    # https://developer.zendesk.com/api-reference/widget-messaging/web/authentication
    "zendesk_messaging": ["zE", "messenger", "logoutUser"],
    # https://developers.intercom.com/installing-intercom/docs/intercom-javascript
    "intercom": ["Intercom", "shutdown"],
    # Public integrations; Help Scout's Android SDK docs describe logout() (confidence M).
    "helpscout": ["Beacon", "logout", {"endActiveChat": True}],
    # https://dev.frontapp.com/docs/chat-sdk-reference
    "front": ["FrontChat", "shutdown", {"clearSession": True}],
    # https://www.chatwoot.com/docs/product/channels/live-chat/sdk/setup
    "chatwoot": ["$chatwoot.reset"],
    "gleap": ["Gleap.clearIdentity"],  # https://docs.gleap.io/javascript/user-identity
    # https://help.crisp.chat/en/article/how-to-reset-a-crisp-conversation-when-users-log-out-u2vkei/
    "crisp": ["$crisp.push", ["do", "session:reset"]],
    # Intercom's identity verification: the same Messenger, the same call.
    "intercom_hmac": ["Intercom", "shutdown"],
    "channelio": ["ChannelIO", "shutdown"],  # https://developers.channel.io/docs/web-channel-io
}


def sign_out_script(call: list[Any]) -> str:
    """The core, then sign-out.js with the call as the JSON array it reads, escaped as an
    attribute."""
    return ('<script src="/static/feedback_sso/feedback-sso.js"></script>\n'
            '<script src="/static/feedback_sso/sign-out.js" data-feedback-sso="sign-out" '
            f'data-call="{escape(json.dumps(call, separators=(",", ":")))}"></script>')


#: What only a page with a sign-out script holds.
SIGN_OUT = 'data-feedback-sso="sign-out"'


SLEEKPLAN_SIGN_OUT = sign_out_script(SIGN_OUT_CALLS["sleekplan"])


@pytest.fixture(autouse=True)
def _logout_redirects(settings: Any) -> None:
    settings.LOGOUT_REDIRECT_URL = "/"  # the demo's LogoutView, as the demo configures it


def signed_out_client() -> Client:
    client = Client()
    client.force_login(UserFactory())
    client.post("/test-logout/")
    return client


def page(client: Client, vendor_id: str = "sleekplan") -> str:
    return client.get(f"/page/{vendor_id}/").content.decode()


def still_to_tell(cookie_value: str) -> str:
    """The configuration ids a sign-out cookie carries."""
    request = RequestFactory().get("/")
    request.COOKIES[COOKIE] = cookie_value
    value: str = request.get_signed_cookie(COOKIE, salt=SALT)
    return value


def test_logout_sets_a_signed_http_only_cookie() -> None:
    client = Client()
    client.force_login(UserFactory())
    response = client.post("/test-logout/")
    cookie = response.cookies[COOKIE]
    assert still_to_tell(cookie.value) == ".".join(sorted(SIGN_OUT_CALLS))
    assert (cookie["httponly"], cookie["samesite"], cookie["max-age"]) == (True, "Lax",
                                                                          1209600)


@pytest.mark.parametrize(("vendor_id", "call"), SIGN_OUT_CALLS.items())
def test_the_next_page_with_the_tag_signs_the_widget_out_once(vendor_id: str,
                                                              call: list[Any]) -> None:
    anonymous = page(Client(), vendor_id)
    client = signed_out_client()
    first = page(client, vendor_id)
    assert first == anonymous.replace("</main>", f"{sign_out_script(call)}\n</main>")
    assert SIGN_OUT not in page(client, vendor_id)


def test_the_cookie_goes_once_every_widget_was_told() -> None:
    client = signed_out_client()
    left = []
    # Visited in reverse order of their ids: the cookie keeps the rest, sorted, each time.
    visits = sorted(SIGN_OUT_CALLS, reverse=True)
    for vendor_id in visits:
        cookie = client.get(f"/page/{vendor_id}/").cookies[COOKIE]
        left.append(still_to_tell(cookie.value) if cookie.value else cookie["max-age"])
    assert left == [".".join(sorted(visits[position + 1:])) or 0  # 0: deleted
                    for position in range(len(visits))]


def test_a_page_of_another_vendor_leaves_the_entry() -> None:
    client = signed_out_client()
    assert SIGN_OUT not in page(client, "boostgpt")
    assert COOKIE in client.cookies
    assert client.cookies[COOKIE].value
    assert SLEEKPLAN_SIGN_OUT in page(client)


def test_a_page_that_signs_a_new_user_in_waits() -> None:
    """A reset after the new user's token would sign the new user out."""
    client = signed_out_client()
    client.force_login(UserFactory())
    assert SIGN_OUT not in page(client)
    client.post("/test-logout/")
    assert SLEEKPLAN_SIGN_OUT in page(client)


def test_a_refused_user_gets_the_sign_out() -> None:
    """Staff get no token: the widget must not keep the previous user."""
    client = signed_out_client()
    client.force_login(StaffUserFactory())
    assert SLEEKPLAN_SIGN_OUT in page(client)


def test_a_forged_cookie_is_ignored() -> None:
    client = Client()
    client.cookies[COOKIE] = "sleekplan"
    assert SIGN_OUT not in page(client)


def test_the_script_carries_the_csp_nonce(settings: Any) -> None:
    from csp.constants import NONCE, SELF

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "csp.middleware.CSPMiddleware"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE]}}
    response = signed_out_client().get("/page/sleekplan/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    scripts = Snippet(response.content.decode()).scripts()
    assert [script.attrs.get("data-call") for script in scripts] == [
        None, None, None, '["$sleek.resetUser"]']  # the core and Sleekplan's module, then these
    assert {script.attrs.get("nonce") for script in scripts} == {nonce}


def test_without_the_middleware_nothing_happens(settings: Any) -> None:
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "signout" not in name]
    client = Client()
    client.force_login(UserFactory())
    assert COOKIE not in client.post("/test-logout/").cookies
    assert SIGN_OUT not in page(client)


def test_logout_works_with_broken_settings(settings: Any) -> None:
    client = Client()
    client.force_login(UserFactory())
    settings.FEEDBACK_SSO = {"VENDORS": {}, "NOT_A_KEY": 1}
    response = client.post("/test-logout/")
    assert response.status_code == 302
    assert COOKIE not in response.cookies


def test_a_spec_vendor_names_its_sign_out_call(settings: Any) -> None:
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "VENDORS": {
        **settings.FEEDBACK_SSO["VENDORS"],
        "acme": {"SECRET": "a" * 32, "SPEC": {
            "CLAIM_NAMES": {"email": "email"}, "SSO_URL": "https://acme.example/sso",
            "SIGN_OUT_CALL": ["zE", "messenger", "logoutUser"]}}}}
    client = signed_out_client()
    assert sign_out_script(["zE", "messenger", "logoutUser"]) in page(client, "acme")
    assert SLEEKPLAN_SIGN_OUT in page(client)


@pytest.mark.parametrize("call", [("alert(1)",), ("x", "a b"), ("$sleek..resetUser",),
                                  ("x", '"><script>'), ("x", '{"a": 1}'), ("x", "{a:1}"),
                                  ("x", '"text"'), ("x", "[1,")])
def test_sign_out_calls_are_paths_and_words(call: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="sign_out_call"):
        VendorSpec.from_flat(id="acme", name="Acme", docs_url="", claim_names={"email": "email"},
                   sign_out_call=call)


def test_a_sign_out_argument_may_be_a_json_object(settings: Any) -> None:
    """Help Scout's Beacon('logout', {endActiveChat: true}): an argument in {} or [] is
    JSON, passed as its value; the attribute escapes the quotes."""
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "VENDORS": {
        **settings.FEEDBACK_SSO["VENDORS"],
        "acme": {"SECRET": "a" * 32, "SPEC": {
            "CLAIM_NAMES": {"email": "email"}, "SSO_URL": "https://acme.example/sso",
            "SIGN_OUT_CALL": ["Acme", "logout", '{"endActiveChat":true}', "[1,2]", "true"]}}}}
    client = signed_out_client()
    assert ('data-call="[&quot;Acme&quot;,&quot;logout&quot;,{&quot;endActiveChat&quot;:true},'
            '[1,2],&quot;true&quot;]"') in page(client, "acme")


def test_the_docs_write_json_arguments_as_javascript() -> None:
    assert (sign_out_js(("Beacon", "logout", '{"endActiveChat":true}'))
            == """Beacon('logout', {"endActiveChat":true})""")
    assert sign_out_js(("zE", "messenger", "logoutUser")) == "zE('messenger', 'logoutUser')"


def test_the_docs_list_which_vendors_can_sign_out() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "signout.md").read_text()
    start = page.index("<!-- sign-out-table:start")
    table = page[page.index("\n", start) + 1:page.index("<!-- sign-out-table:end")]
    assert table.strip() == sign_out_table()
