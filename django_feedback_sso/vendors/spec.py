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
    #: how a project corrects a vendor detail we could only infer.
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
    #: Options whose hosts count as the vendor's own for return targets.
    host_options: tuple[str, ...] = ()
    #: Page-wide JavaScript globals the vendor's snippet sets (``window.SLEEK_USER`` …):
    #: two configurations of such a vendor can't share one page.
    page_globals: tuple[str, ...] = ()

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
        if "alg" in self.header_options:
            raise ValueError(f"{self.id}: the alg header is the algorithm field's")
        unknown_options = set(self.header_options.values()) - {o.name for o in self.options}
        if unknown_options:
            raise ValueError(f"{self.id}: header_options names unknown options "
                             f"{', '.join(sorted(unknown_options))}")

    @property
    def required_options(self) -> tuple[str, ...]:
        return tuple(opt.name for opt in self.options if opt.required)

    @property
    def portal_option(self) -> str | None:
        """The ``base_url`` option relative return targets resolve against, if any."""
        return next((opt.name for opt in self.options if opt.kind == "base_url"), None)
