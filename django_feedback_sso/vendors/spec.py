"""The declarative description of one vendor: what its token says and how it travels.

A :class:`VendorSpec` groups its fields by concern: :class:`Claims`, :class:`Token`,
:class:`Delivery` (the tag's snippet), :class:`Redirect` (the redirect view) and
:class:`Widget` (the page's JavaScript). What can be derived is derived in one place,
:meth:`VendorSpec.__post_init__`, whether the spec is written in Python (a vendor folder's
``spec.py``) or comes from a ``SPEC`` dict (settings, another app's
``feedback_sso_vendors``): a rule for every documented claim, the return parameters a
``return_param`` implies, the hosts a redirect keeps to and the ``RETURN_HOSTS`` option.

``SPEC`` dicts keep their flat keys (``CLAIM_NAMES``, ``TOKEN_PARAM`` …):
:data:`FLAT_FIELDS` maps each to its group and field.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from .parts import (
    _JS_PATH,
    _JS_WORD,
    ALLOWED_ALGORITHMS,
    COMMON_OPTIONS,
    HANDSHAKES,
    HMAC_ALGORITHMS,
    KEY_PAIR_ALGORITHMS,
    PARAM_FIELDS,
    RESERVED_CLAIMS,
    TIME_CLAIMS,
    TOKEN_KINDS,
    ClaimRule,
    Handshake,
    IdentityField,
    OptionKind,
    TokenKind,
    VendorOption,
    is_json_argument,
)

__all__ = ["ALLOWED_ALGORITHMS", "COMMON_OPTIONS", "DERIVE", "FLAT_FIELDS", "HANDSHAKES",
           "HMAC_ALGORITHMS", "KEY_PAIR_ALGORITHMS", "LINK_TEMPLATE", "PARAM_FIELDS",
           "RESERVED_CLAIMS", "TIME_CLAIMS", "TOKEN_KINDS", "ClaimRule", "Claims", "Delivery",
           "Handshake", "IdentityField", "OptionKind", "Redirect", "Token", "TokenKind",
           "VendorOption", "VendorSpec", "Widget"]

#: The generic snippet: a link through the redirect view.
LINK_TEMPLATE = "feedback_sso/snippets/link.html"

_ID = re.compile(r"[a-z][a-z0-9_-]*")


class _Derived(tuple[str, ...]):
    """The default of a tuple field that :meth:`VendorSpec._derive` fills in."""


#: "Work it out from the rest of the spec": an empty tuple, so nothing ever reads it as a
#: real value by mistake.
DERIVE: tuple[str, ...] = _Derived()


@dataclass(frozen=True)
class Claims:
    """What the token says about the user."""

    #: Vendor claim name -> where its default value comes from on the user.
    names: Mapping[str, IdentityField]
    #: Claims that must be present and non-empty in every token.
    required: tuple[str, ...] = ()
    #: At least one of these must be present and non-empty (Featurebase: email or userId).
    required_any: tuple[str, ...] = ()
    #: What the vendor accepts in each claim; every claim in :attr:`names` and
    #: :attr:`required` gets at least the plain rule (a string), derived.
    rules: Mapping[str, ClaimRule] = field(default_factory=dict)
    #: Claims that grant rights at the vendor: only settings or hooks may set them, and
    #: check W006 warns when settings set one for every user.
    roles: frozenset[str] = frozenset()
    #: Values of a role claim that grant nothing (Issuely ``role`` ``CUSTOMER``, UserVoice
    #: ``admin`` ``deny``): W006 lets settings give them to every user.
    harmless_role_values: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Token:
    """How the token is signed, and for how long it lives."""

    #: What the vendor trusts: a JWT (``jwt``); an HMAC of one claim (``identity_hash``);
    #: a DiscourseConnect payload (``discourse_connect``).
    kind: TokenKind = "jwt"
    #: The JWT's algorithm; for ``identity_hash`` and ``discourse_connect``, ``HS256`` is
    #: HMAC-SHA256 with the same secret. ``RS256``/``ES256`` sign with ``PRIVATE_KEY``.
    algorithm: str = "HS256"
    #: ``identity_hash``: the claim whose value is hashed (Help Scout ``email``, Gleap
    #: ``id``). The other claims travel beside it unsigned, as the vendor documents.
    hashed_claim: str | None = None
    #: ``identity_hash``: how ``SECRET`` becomes the HMAC key: its UTF-8 bytes (``text``),
    #: or the bytes its hex digits spell (``hex``: Pylon's secret is hex to decode).
    key_encoding: Literal["text", "hex"] = "text"
    default_lifetime: timedelta = timedelta(minutes=5)
    max_lifetime: timedelta | None = None
    time_claims: tuple[str, ...] = TIME_CLAIMS
    #: JWT header fields filled from options, header name -> option name: Zendesk
    #: Messaging finds the secret by the ``kid`` header, set from ``KEY_ID``. PyJWT writes
    #: ``alg`` and ``typ: JWT`` itself; ``alg`` can't be set this way.
    header_options: Mapping[str, str] = field(default_factory=dict)
    #: The vendor refuses a token whose ``jti`` it has seen before (replay protection).
    rejects_reused_jti: bool = False

    @property
    def uses_key_pair(self) -> bool:
        """Signed with the site's ``PRIVATE_KEY``, not a shared ``SECRET``."""
        return self.algorithm in KEY_PAIR_ALGORITHMS

    @property
    def expires(self) -> bool:
        """Whether what is signed carries an expiry (``exp``): JWTs do; an identity hash
        is the same for the same user until the secret changes, and a DiscourseConnect
        answer is bound to the forum's nonce instead."""
        return self.kind == "jwt"


@dataclass(frozen=True)
class Delivery:
    """What the tag renders."""

    #: Template of the tag's snippet. ``None``: ``feedback_sso/snippets/<id>.html`` for a
    #: built-in vendor whose folder has ``snippet.html``, else the generic link.
    template: str | None = None
    #: Whether the snippet carries a token. Links don't: a token baked into a page could
    #: expire before the user clicks, so they go through the redirect view instead.
    embeds_token: bool = False
    #: Option holding the widget/SDK loader the snippet includes, if any.
    script_url_option: str | None = None
    #: Query parameter carrying the token on that loader's URL (ProductLift's ``?sso=``).
    script_token_param: str | None = None


@dataclass(frozen=True)
class Redirect:
    """Where the redirect view sends the user, and what travels with the token."""

    #: Option holding the URL the redirect view sends users to; ``None``: no redirect.
    sso_url_option: str | None = None
    #: Query parameter that carries the token on the SSO URL (and on script URLs).
    token_param: str = "token"
    #: How a return target travels: dropped, used as the SSO URL itself (the token is
    #: appended to any portal page), or passed on as :attr:`return_param` (derived:
    #: ``"none"`` with a ``return_param`` means ``"param"``).
    return_mode: Literal["none", "target", "param"] = "none"
    return_param: str | None = None
    #: Parameters the vendor itself uses when it sends users to our redirect view.
    #: Derived by default: the ``return_param``, if any.
    incoming_return_params: tuple[str, ...] = DERIVE
    #: Other parameters the vendor sends to our redirect view and wants back on its SSO URL
    #: (Zendesk ``brand_id``, ``locale_id``, ``timestamp``; FeatureOS ``domain``). Only
    #: short plain values pass (``redirects.passed_through``): never a URL.
    passthrough_params: tuple[str, ...] = ()
    #: Those of them whose value names a host (FeatureOS ``domain``: the portal to sign
    #: in at, with our token): passed back only when it is one of the vendor's hosts.
    host_passthrough_params: tuple[str, ...] = ()
    #: How the redirect view hands the token over: on the SSO URL (a 302), or in the body
    #: of an auto-submitting POST form to it (Zendesk), so it never sits in a URL.
    method: Literal["get", "post"] = "get"
    #: Options whose hosts count as the vendor's own for return targets. Derived by
    #: default: the portal (``base_url``) option, else the SSO URL's option.
    host_options: tuple[str, ...] = DERIVE
    #: A round trip the vendor starts (``discourse_connect`` or ``oidc_implicit``): the
    #: redirect view answers the vendor's signed request (DiscourseConnect) or its
    #: ``nonce`` and ``state`` (Freshworks) instead of pushing a token to the SSO URL.
    handshake: Handshake | None = None


@dataclass(frozen=True)
class Widget:
    """What the vendor's JavaScript does on the page."""

    #: Page-wide JavaScript globals the vendor's snippet sets (``window.SLEEK_USER`` …):
    #: two configurations of such a vendor can't share one page.
    page_globals: tuple[str, ...] = ()
    #: The JavaScript call that makes the vendor's widget forget its signed-in user, as the
    #: function's path from ``window`` followed by its arguments, words passed as strings
    #: and JSON objects or arrays without spaces as their values: ``("$sleek.resetUser",)``
    #: calls ``$sleek.resetUser()``, ``("zE", "messenger", "logoutUser")`` calls
    #: ``zE("messenger", "logoutUser")``, ``("Beacon", "logout", '{"endActiveChat":true}')``
    #: calls ``Beacon("logout", {endActiveChat: true})``. After the site signs a user
    #: out, the next page with the tag makes it (``signout``). Empty: the vendor documents
    #: no way, so its widget may remember the user until its own session ends.
    sign_out_call: tuple[str, ...] = ()


#: A ``SPEC`` dict's flat key (lower case) -> (group, field) of :class:`VendorSpec`.
FLAT_FIELDS: dict[str, tuple[str, str]] = {
    "claim_names": ("claims", "names"), "required_claims": ("claims", "required"),
    "required_any": ("claims", "required_any"), "claim_rules": ("claims", "rules"),
    "role_claims": ("claims", "roles"),
    "harmless_role_values": ("claims", "harmless_role_values"),
    **{name: ("token", name) for name in ("algorithm", "default_lifetime", "max_lifetime",
                                         "time_claims", "header_options",
                                         "rejects_reused_jti")},
    "snippet_template": ("delivery", "template"),
    "snippet_embeds_token": ("delivery", "embeds_token"),
    "script_url_option": ("delivery", "script_url_option"),
    "script_token_param": ("delivery", "script_token_param"),
    **{name: ("redirect", name) for name in ("sso_url_option", "token_param", "return_mode",
                                            "return_param", "incoming_return_params",
                                            "passthrough_params", "host_passthrough_params")},
    "delivery_method": ("redirect", "method"), "host_options": ("redirect", "host_options"),
    "page_globals": ("widget", "page_globals"), "sign_out_call": ("widget", "sign_out_call"),
    # The kinds of signature besides a JWT (issue 19): last, so the older keys keep their order.
    "token_kind": ("token", "kind"), "hashed_claim": ("token", "hashed_claim"),
    "key_encoding": ("token", "key_encoding"), "handshake": ("redirect", "handshake"),
}
GROUPS = {"claims": Claims, "token": Token, "delivery": Delivery, "redirect": Redirect,
          "widget": Widget}


@dataclass(frozen=True)
class VendorSpec:
    """Everything the generic :class:`~django_feedback_sso.vendors.base.Vendor` needs."""

    id: str
    name: str
    docs_url: str
    claims: Claims
    token: Token = Token()
    options: tuple[VendorOption, ...] = ()
    delivery: Delivery = Delivery()
    redirect: Redirect = Redirect()
    widget: Widget = Widget()

    def __post_init__(self) -> None:
        self._derive()
        self._check()
        self._check_options()

    def _derive(self) -> None:
        """Fill in what the other fields imply: the one place for every spec's defaults."""
        claims, redirect = self.claims, self.redirect
        documented = [name for name in (*claims.names, *claims.required)
                      if name not in TIME_CLAIMS]
        rules = {**dict.fromkeys(documented, ClaimRule()), **claims.rules}
        return_mode = redirect.return_mode
        if return_mode == "none" and redirect.return_param:
            return_mode = "param"
        incoming = redirect.incoming_return_params
        if isinstance(incoming, _Derived):
            incoming = (redirect.return_param,) if redirect.return_param else ()
        hosts = redirect.host_options
        if isinstance(hosts, _Derived):
            own = self.portal_option or redirect.sso_url_option
            hosts = (own,) if own else ()
        options = self.options
        if return_mode != "none" and not any(o.name == "RETURN_HOSTS" for o in options):
            options = (*options, VendorOption("RETURN_HOSTS", "Extra hosts that return "
                                              "targets may point at.", kind="hosts"))
        object.__setattr__(self, "claims", dataclasses.replace(claims, rules=rules))
        object.__setattr__(self, "redirect", dataclasses.replace(
            redirect, return_mode=return_mode, incoming_return_params=incoming,
            host_options=hosts))
        object.__setattr__(self, "options", options)

    def _check(self) -> None:
        token, redirect, widget = self.token, self.redirect, self.widget
        if token.algorithm not in ALLOWED_ALGORITHMS:
            raise ValueError(f"{self.id}: algorithm {token.algorithm!r} is not allowed")
        if not _ID.fullmatch(self.id):
            raise ValueError(f"vendor id {self.id!r} must be lowercase letters, digits, _, -")
        unknown = set(token.time_claims) - set(TIME_CLAIMS)
        if unknown or "exp" not in token.time_claims:
            raise ValueError(f"{self.id}: time_claims must include exp, from {TIME_CLAIMS}")
        if redirect.return_mode not in ("none", "target", "param"):
            raise ValueError(f"{self.id}: return_mode must be none, target or param")
        if self.claims.roles & set(self.claims.names):
            raise ValueError(f"{self.id}: role claims may not come from user fields")
        if redirect.method not in ("get", "post"):
            raise ValueError(f"{self.id}: delivery_method must be get or post")
        if redirect.token_param in redirect.passthrough_params:
            raise ValueError(f"{self.id}: the token parameter can't be passed through")
        if not set(redirect.host_passthrough_params) <= set(redirect.passthrough_params):
            raise ValueError(f"{self.id}: host_passthrough_params must be passthrough_params "
                             "too")
        if redirect.return_mode == "param" and not redirect.return_param:
            raise ValueError(f"{self.id}: return_mode param needs a return_param")
        if widget.sign_out_call and not _JS_PATH.fullmatch(widget.sign_out_call[0]):
            raise ValueError(f"{self.id}: sign_out_call must start with a function's path "
                             "from window, e.g. $sleek.resetUser")
        if any(not _JS_WORD.fullmatch(arg) and not is_json_argument(arg)
               for arg in widget.sign_out_call[1:]):
            raise ValueError(f"{self.id}: sign_out_call arguments must be words (letters, "
                             "digits, _, $, -) or JSON objects or arrays without spaces")
        self._check_kind()
        if "alg" in token.header_options:
            raise ValueError(f"{self.id}: the alg header is the algorithm field's")
        unknown_options = set(token.header_options.values()) - {o.name for o in self.options}
        if unknown_options:
            raise ValueError(f"{self.id}: header_options names unknown options "
                             f"{', '.join(sorted(unknown_options))}")

    def _check_kind(self) -> None:
        """Each kind of signature has what it needs, and nothing it can't use."""
        token, redirect = self.token, self.redirect
        if token.kind not in TOKEN_KINDS:
            raise ValueError(f"{self.id}: token_kind must be one of {', '.join(TOKEN_KINDS)}")
        if redirect.handshake is not None and redirect.handshake not in HANDSHAKES:
            raise ValueError(f"{self.id}: handshake must be one of {', '.join(HANDSHAKES)}")
        if token.key_encoding not in ("text", "hex"):
            raise ValueError(f"{self.id}: key_encoding must be text or hex")
        if token.kind != "jwt" and token.algorithm not in HMAC_ALGORITHMS:
            raise ValueError(f"{self.id}: a {token.kind} is an HMAC: algorithm must be one of "
                             f"{', '.join(sorted(HMAC_ALGORITHMS))}")
        if token.kind == "identity_hash":
            if not token.hashed_claim:
                raise ValueError(f"{self.id}: an identity_hash needs the hashed_claim")
            if token.hashed_claim not in self.claims.required:
                raise ValueError(f"{self.id}: the hashed_claim {token.hashed_claim!r} must be "
                                 "a required claim (nothing to hash without it)")
        elif token.hashed_claim is not None or token.key_encoding != "text":
            raise ValueError(f"{self.id}: hashed_claim and key_encoding are for an "
                             "identity_hash only")
        if (token.kind == "discourse_connect") != (redirect.handshake == "discourse_connect"):
            raise ValueError(f"{self.id}: a discourse_connect token goes with the "
                             "discourse_connect handshake, and only with it")

    def _check_options(self) -> None:
        """Options are named once, exist where named, and replace only parameter names."""
        names = [option.name for option in self.options]
        twice = [name for name in names if names.count(name) > 1]
        if twice:
            raise ValueError(f"{self.id}: two options are named {twice[0]!r}")
        common = [name for name in names if name in COMMON_OPTIONS]
        if common:
            raise ValueError(f"{self.id}: an option may not be named {common[0]!r}, a key of "
                             "every block")
        named = [self.redirect.sso_url_option, self.delivery.script_url_option,
                 *self.redirect.host_options]
        missing = [name for name in named if name is not None and name not in names]
        if missing:
            raise ValueError(f"{self.id}: {missing[0]!r} is named but is not an option")
        for option in self.options:
            if option.spec_fields and (option.kind != "param"
                                       or not set(option.spec_fields) <= set(PARAM_FIELDS)):
                raise ValueError(f"{self.id}: option {option.name} may replace only "
                                 f"{', '.join(PARAM_FIELDS)}, and only as a 'param' option")

    @classmethod
    def from_flat(cls, **fields: Any) -> VendorSpec:
        """A spec from flat field names (a ``SPEC`` dict's keys in lower case) beside
        ``id``, ``name``, ``docs_url`` and ``options``."""
        groups: dict[str, dict[str, Any]] = {}
        top = {}
        for name, value in fields.items():
            if name in FLAT_FIELDS:
                group, field_name = FLAT_FIELDS[name]
                groups.setdefault(group, {})[field_name] = value
            else:
                top[name] = value
        return cls(**top, **{group: GROUPS[group](**values)
                             for group, values in groups.items()})

    def flat(self, name: str) -> Any:
        """The field a flat ``SPEC`` key (lower case, ``token_param``) names."""
        group, field_name = FLAT_FIELDS[name]
        return getattr(getattr(self, group), field_name)

    def replacing(self, **flat: Any) -> VendorSpec:
        """A copy with fields replaced by their flat names (``token_param="jwt"``)."""
        groups: dict[str, dict[str, Any]] = {}
        for name, value in flat.items():
            group, field_name = FLAT_FIELDS[name]
            groups.setdefault(group, {})[field_name] = value
        return dataclasses.replace(self, **{
            group: dataclasses.replace(getattr(self, group), **values)
            for group, values in groups.items()})

    @property
    def snippet_template(self) -> str:
        """The template the tag renders (the generic link unless the vendor has its own)."""
        return self.delivery.template or LINK_TEMPLATE

    @property
    def required_options(self) -> tuple[str, ...]:
        return tuple(opt.name for opt in self.options if opt.required)

    @property
    def snippet_kind(self) -> Literal["token", "link", "on_demand"]:
        """What the tag renders: a snippet carrying a token, a link through the redirect
        view, or a snippet whose script fetches tokens from the endpoint when asked."""
        if self.delivery.embeds_token:
            return "token"
        if self.snippet_template == LINK_TEMPLATE:
            return "link"
        return "on_demand"

    @property
    def portal_option(self) -> str | None:
        """The ``base_url`` option relative return targets resolve against, if any."""
        return next((opt.name for opt in self.options if opt.kind == "base_url"), None)


