"""The declarative description of one vendor: what its token says and how it travels."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

#: Algorithms a vendor spec may name. Vendors share an HMAC secret with us; asymmetric
#: schemes and ``none`` are deliberately absent (algorithm confusion, unsigned tokens).
ALLOWED_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})

#: Registered claims the token module sets itself; settings and hooks may not.
TIME_CLAIMS = ("iat", "exp", "jti")
RESERVED_CLAIMS = frozenset({*TIME_CLAIMS, "nbf"})

#: Keys of every configuration block; no vendor option may take one of these names (an
#: option named ``SECRET`` would hand the secret to snippet templates and claims).
COMMON_OPTIONS = ("VENDOR", "SECRET", "LIFETIME", "ALLOW_STAFF", "CLAIMS", "CLASS", "SPEC")

#: The :class:`VendorSpec` fields an option may replace (``VendorOption.spec_fields``):
#: parameter names, so a ``param`` option's checked value fits them.
PARAM_FIELDS = ("token_param", "return_param", "incoming_return_params", "script_token_param")

#: A JavaScript function's path from ``window`` (``$sleek.resetUser``), and a plain word:
#: the sign-out call travels space-separated in a data attribute (see ``sign_out_call``).
_JS_PATH = re.compile(r"[$A-Za-z_][$\w]*(?:\.[$A-Za-z_][$\w]*)*")
_JS_WORD = re.compile(r"[$\w-]+")

#: Where a default claim value comes from on the Django user.
IdentityField = Literal["email", "user_id", "display_name", "username"]

#: How an option's value is read: free text; an https URL (``url``), or the base URL of
#: the vendor's portal that other URLs and relative return targets build on
#: (``base_url``, trailing slash dropped); one of ``choices``; a numeric id (``digits``,
#: a string or an integer); a URL query parameter name (``param``); a list of host names
#: (``hosts``).
OptionKind = Literal["text", "url", "base_url", "choice", "digits", "param", "hosts"]


@dataclass(frozen=True)
class ClaimRule:
    """What a vendor accepts in one claim. Values that break it are refused, never fixed."""

    types: tuple[type, ...] = (str,)
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    #: Turns a value derived from the user into an acceptable one; ``""`` drops the claim.
    #: Only defaults go through it: values from settings and hooks must already comply.
    normalize: Callable[[str], str] | None = None
    _compiled: re.Pattern[str] | None = field(default=None, init=False, repr=False,
                                              compare=False)

    def __post_init__(self) -> None:
        # Checked on every token minted: compile once, not per check.
        if self.pattern is not None:
            object.__setattr__(self, "_compiled", re.compile(self.pattern))

    def problem(self, value: Any) -> str | None:
        """Why ``value`` breaks this rule, or ``None`` if it complies."""
        if isinstance(value, bool) and bool not in self.types:
            return f"must be {_type_names(self.types)}, not a boolean"
        if not isinstance(value, self.types):
            return f"must be {_type_names(self.types)}, not {type(value).__name__}"
        if self._compiled is not None and not self._compiled.fullmatch(str(value)):
            return f"must match {self.pattern}"
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(self.choices)}"
        number: Any = value  # a number by now: only numeric rules set a bound
        if self.minimum is not None and number < self.minimum:
            return f"must be at least {self.minimum:g}"
        if self.maximum is not None and number > self.maximum:
            return f"must be at most {self.maximum:g}"
        return None


def _type_names(types: tuple[type, ...]) -> str:
    return " or ".join({"str": "a string", "int": "an integer", "float": "a number",
                        "dict": "an object", "list": "a list"}.get(t.__name__, t.__name__)
                       for t in types)


@dataclass(frozen=True)
class VendorOption:
    """A vendor-specific key in ``FEEDBACK_SSO['VENDORS'][id]``."""

    name: str
    help: str
    required: bool = False
    kind: OptionKind = "text"
    choices: tuple[str, ...] = ()
    #: Default value; URL defaults may refer to other options as ``{PORTAL_URL}``.
    default: str | None = None
    #: The static claim this option fills in every token, e.g. Issuely ``companyId``.
    claim: str | None = None
    #: :class:`VendorSpec` fields this option's value replaces, e.g. ``("token_param",)``:
    #: how a project corrects a vendor detail we could only infer. Only ``param``
    #: options, and only the fields in
    #: :data:`~django_feedback_sso.vendors.spec.PARAM_FIELDS`.
    spec_fields: tuple[str, ...] = ()
    #: No vendor document confirms the default: system check W005 asks the project to
    #: confirm it by setting the option (only while the redirect view is in use).
    inferred: bool = False


@dataclass(frozen=True)
class VendorSpec:
    """Everything the generic :class:`~django_feedback_sso.vendors.base.Vendor` needs."""

    id: str
    name: str
    docs_url: str
    #: Vendor claim name -> where its default value comes from on the user.
    claim_names: Mapping[str, IdentityField]
    #: Claims that must be present and non-empty in every token.
    required_claims: tuple[str, ...] = ()
    #: At least one of these must be present and non-empty (Featurebase: email or userId).
    required_any: tuple[str, ...] = ()
    claim_rules: Mapping[str, ClaimRule] = field(default_factory=dict)
    #: Claims that grant rights at the vendor: only settings or hooks may set them, and
    #: check W006 warns when settings set one for every user.
    role_claims: frozenset[str] = frozenset()
    #: Values of a role claim that grant nothing (Issuely ``role`` ``CUSTOMER``, UserVoice
    #: ``admin`` ``deny``): W006 lets settings give them to every user.
    harmless_role_values: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    algorithm: str = "HS256"
    default_lifetime: timedelta = timedelta(minutes=5)
    max_lifetime: timedelta | None = None
    time_claims: tuple[str, ...] = TIME_CLAIMS
    #: JWT header fields filled from options, header name -> option name: Zendesk
    #: Messaging finds the secret by the ``kid`` header, set from ``KEY_ID``. PyJWT writes
    #: ``alg`` and ``typ: JWT`` itself; ``alg`` can't be set this way.
    header_options: Mapping[str, str] = field(default_factory=dict)
    #: The vendor refuses a token whose ``jti`` it has seen before (replay protection).
    rejects_reused_jti: bool = False
    options: tuple[VendorOption, ...] = ()
    # Delivery -------------------------------------------------------------------------
    #: Template of the tag's snippet; the generic one links through the redirect view.
    snippet_template: str = "feedback_sso/snippets/link.html"
    #: Whether the snippet carries a token. Links don't: a token baked into a page could
    #: expire before the user clicks, so they go through the redirect view instead.
    snippet_embeds_token: bool = False
    #: Option holding the widget/SDK loader the snippet includes, if any.
    script_url_option: str | None = None
    #: Query parameter carrying the token on that loader's URL (ProductLift's ``?sso=``).
    script_token_param: str | None = None
    #: Option holding the URL the redirect view sends users to; ``None``: no redirect.
    sso_url_option: str | None = None
    #: Query parameter that carries the token on the SSO URL (and on script URLs).
    token_param: str = "token"
    #: How a return target travels: dropped, used as the SSO URL itself (the token is
    #: appended to any portal page), or passed on as a query parameter.
    return_mode: Literal["none", "target", "param"] = "none"
    return_param: str | None = None
    #: Parameters the vendor itself uses when it sends users to our redirect view.
    incoming_return_params: tuple[str, ...] = ()
    #: Other parameters the vendor sends to our redirect view and wants back on its SSO URL
    #: (Zendesk ``brand_id``, ``locale_id``, ``timestamp``; FeatureOS ``domain``). Only
    #: short plain values pass (``redirects.passed_through``): never a URL.
    passthrough_params: tuple[str, ...] = ()
    #: Those of them whose value names a host (FeatureOS ``domain``: the portal to sign
    #: in at, with our token): passed back only when it is one of the vendor's hosts.
    host_passthrough_params: tuple[str, ...] = ()
    #: How the redirect view hands the token over: on the SSO URL (a 302), or in the body
    #: of an auto-submitting POST form to it (Zendesk), so it never sits in a URL.
    delivery_method: Literal["get", "post"] = "get"
    #: Options whose hosts count as the vendor's own for return targets.
    host_options: tuple[str, ...] = ()
    #: Page-wide JavaScript globals the vendor's snippet sets (``window.SLEEK_USER`` …):
    #: two configurations of such a vendor can't share one page.
    page_globals: tuple[str, ...] = ()
    #: The JavaScript call that makes the vendor's widget forget its signed-in user, as the
    #: function's path from ``window`` followed by string arguments:
    #: ``("$sleek.resetUser",)`` calls ``$sleek.resetUser()``, ``("zE", "messenger",
    #: "logoutUser")`` calls ``zE("messenger", "logoutUser")``. After the site signs a user
    #: out, the next page with the tag makes it (``signout``). Empty: the vendor documents
    #: no way, so its widget may remember the user until its own session ends.
    sign_out_call: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.algorithm not in ALLOWED_ALGORITHMS:
            raise ValueError(f"{self.id}: algorithm {self.algorithm!r} is not allowed")
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", self.id):
            raise ValueError(f"vendor id {self.id!r} must be lowercase letters, digits, _, -")
        unknown = set(self.time_claims) - set(TIME_CLAIMS)
        if unknown or "exp" not in self.time_claims:
            raise ValueError(f"{self.id}: time_claims must include exp, from {TIME_CLAIMS}")
        if self.return_mode not in ("none", "target", "param"):
            raise ValueError(f"{self.id}: return_mode must be none, target or param")
        if self.role_claims & set(self.claim_names):
            raise ValueError(f"{self.id}: role claims may not come from user fields")
        if self.delivery_method not in ("get", "post"):
            raise ValueError(f"{self.id}: delivery_method must be get or post")
        if self.token_param in self.passthrough_params:
            raise ValueError(f"{self.id}: the token parameter can't be passed through")
        if not set(self.host_passthrough_params) <= set(self.passthrough_params):
            raise ValueError(f"{self.id}: host_passthrough_params must be passthrough_params "
                             "too")
        if self.return_mode == "param" and not self.return_param:
            raise ValueError(f"{self.id}: return_mode param needs a return_param")
        if self.sign_out_call and not _JS_PATH.fullmatch(self.sign_out_call[0]):
            raise ValueError(f"{self.id}: sign_out_call must start with a function's path "
                             "from window, e.g. $sleek.resetUser")
        if any(not _JS_WORD.fullmatch(arg) for arg in self.sign_out_call[1:]):
            raise ValueError(f"{self.id}: sign_out_call arguments must be words (letters, "
                             "digits, _, $, -)")
        if "alg" in self.header_options:
            raise ValueError(f"{self.id}: the alg header is the algorithm field's")
        unknown_options = set(self.header_options.values()) - {o.name for o in self.options}
        if unknown_options:
            raise ValueError(f"{self.id}: header_options names unknown options "
                             f"{', '.join(sorted(unknown_options))}")
        self._check_options()

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
        named = [self.sso_url_option, self.script_url_option, *self.host_options]
        missing = [name for name in named if name is not None and name not in names]
        if missing:
            raise ValueError(f"{self.id}: {missing[0]!r} is named but is not an option")
        for option in self.options:
            if option.spec_fields and (option.kind != "param"
                                       or not set(option.spec_fields) <= set(PARAM_FIELDS)):
                raise ValueError(f"{self.id}: option {option.name} may replace only "
                                 f"{', '.join(PARAM_FIELDS)}, and only as a 'param' option")

    @property
    def required_options(self) -> tuple[str, ...]:
        return tuple(opt.name for opt in self.options if opt.required)

    @property
    def snippet_kind(self) -> Literal["token", "link", "on_demand"]:
        """What the tag renders: a snippet carrying a token, a link through the redirect
        view, or a snippet whose script fetches tokens from the endpoint when asked."""
        if self.snippet_embeds_token:
            return "token"
        if self.snippet_template == "feedback_sso/snippets/link.html":
            return "link"
        return "on_demand"

    @property
    def portal_option(self) -> str | None:
        """The ``base_url`` option relative return targets resolve against, if any."""
        return next((opt.name for opt in self.options if opt.kind == "base_url"), None)
