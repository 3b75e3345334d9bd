"""The parts a vendor spec is made of: what a claim accepts, and a vendor's own options."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

#: Algorithms a vendor spec may name. Most vendors share an HMAC secret with us
#: (``SECRET``); a few hold the public half of the site's own key pair (``PRIVATE_KEY``:
#: Freshworks, RS256). ``none`` is deliberately absent, and every verification pins the one
#: algorithm of the spec, so a token can't pick its own (algorithm confusion).
HMAC_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})
KEY_PAIR_ALGORITHMS = frozenset({"RS256", "ES256"})
ALLOWED_ALGORITHMS = HMAC_ALGORITHMS | KEY_PAIR_ALGORITHMS

#: What a vendor trusts: a JWT (``jwt``); an HMAC of one identity claim, which its widget
#: sends beside the identity (``identity_hash``: Help Scout, Front, Chatwoot …); a
#: DiscourseConnect payload and its signature (``discourse_connect``).
TokenKind = Literal["jwt", "identity_hash", "discourse_connect"]
TOKEN_KINDS: tuple[TokenKind, ...] = ("jwt", "identity_hash", "discourse_connect")

#: Round trips a vendor starts by sending the user to our redirect view with a request
#: we must answer (``Redirect.handshake``): DiscourseConnect's signed ``sso`` payload, and
#: Freshworks' OpenID-style ``nonce`` and ``state``.
Handshake = Literal["discourse_connect", "oidc_implicit"]
HANDSHAKES: tuple[Handshake, ...] = ("discourse_connect", "oidc_implicit")

#: Registered claims the token module sets itself; settings and hooks may not.
TIME_CLAIMS = ("iat", "exp", "jti")
RESERVED_CLAIMS = frozenset({*TIME_CLAIMS, "nbf"})

#: Keys of every configuration block; no vendor option may take one of these names (an
#: option named ``SECRET`` would hand the secret to snippet templates and claims).
COMMON_OPTIONS = ("VENDOR", "SECRET", "PRIVATE_KEY", "LIFETIME", "ALLOW_STAFF", "CLAIMS", "CLASS",
                  "SPEC")

#: The :class:`VendorSpec` fields an option may replace (``VendorOption.spec_fields``):
#: parameter names, so a ``param`` option's checked value fits them.
PARAM_FIELDS = ("token_param", "return_param", "incoming_return_params", "script_token_param")

#: A JavaScript function's path from ``window`` (``$sleek.resetUser``), and a plain word:
#: a sign-out call's parts (see ``sign_out_call``).
_JS_PATH = re.compile(r"[$A-Za-z_][$\w]*(?:\.[$A-Za-z_][$\w]*)*")
_JS_WORD = re.compile(r"[$\w-]+")


def is_json_argument(arg: str) -> bool:
    """A sign-out argument that is a JSON object or array without whitespace
    (``{"endActiveChat":true}``): passed as its value, where a word is a string."""
    if not arg.startswith(("{", "[")) or any(char.isspace() for char in arg):
        return False
    try:
        json.loads(arg)
    except ValueError:
        return False
    return True


def sign_out_json(call: tuple[str, ...]) -> str:
    """The sign-out call as sign-out.js takes it: a JSON array of the path, then the
    arguments' values (``["Beacon","logout",{"endActiveChat":true}]``)."""
    values = [json.loads(arg) if is_json_argument(arg) else arg for arg in call[1:]]
    return json.dumps([call[0], *values], separators=(",", ":"))


def sign_out_js(call: tuple[str, ...]) -> str:
    """The sign-out call as JavaScript, for the docs: ``zE('messenger', 'logoutUser')``."""
    args = (arg if is_json_argument(arg) else repr(arg) for arg in call[1:])
    return f"{call[0]}({', '.join(args)})"


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


