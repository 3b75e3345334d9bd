"""The parts of each vendor's documentation page that its spec knows, generated from it.

    python -m django_feedback_sso.vendors.docs docs/vendors/_generated

writes ``<id>.md`` for every built-in vendor; ``docs/vendors/<id>.md`` (hand-written: where
the dashboard shows each value, quirks, sources) includes it part by part, between the
``<!-- part -->`` markers below. A test fails when a committed file differs from this
output, so the claims, options, lifetimes, deliveries and check ids on a vendor's page are
the ones the code runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .folders import builtin_specs
from .parts import sign_out_js
from .spec import ClaimRule, VendorOption, VendorSpec

#: Where the built documentation is published; a vendor's page is ``vendors/<id>.html``.
DOCS_URL = "https://django-feedback-sso.readthedocs.io/en/latest/"

#: The parts of a generated page, in the order every vendor page shows them.
PARTS = ("settings", "claims", "delivery", "vendor-initiated", "checks")

_HEADER = ("<!-- Generated from the vendor's spec by `python -m django_feedback_sso.vendors.docs "
           "docs/vendors/_generated`; don't edit (a test keeps it in sync). -->")

_SOURCES = {"email": "the user's email", "user_id": "the user's id, `str(pk)`",
            "display_name": "the user's full name, else username",
            "username": "the user's username"}

_KINDS = {"text": "text", "url": "https URL", "base_url": "https URL (the portal)",
          "choice": "one of", "digits": "digits", "param": "parameter name",
          "hosts": "host names"}


def page_url(vendor_id: str) -> str:
    """The published documentation page of a built-in vendor."""
    return f"{DOCS_URL}vendors/{vendor_id}.html"


def generated_page(spec: VendorSpec) -> str:
    """The generated Markdown of one vendor, its parts between ``<!-- part -->`` markers."""
    bodies = (_settings(spec), _claims(spec), _delivery(spec), _vendor_initiated(spec),
              _checks(spec))
    parts = [f"<!-- {name} -->\n\n{body}\n\n<!-- /{name} -->"
             for name, body in zip(PARTS, bodies, strict=True)]
    return "\n\n".join([_HEADER, *parts]) + "\n"


# Settings -------------------------------------------------------------------------------


def _settings(spec: VendorSpec) -> str:
    # Four columns: a default (often a long URL) in a column of its own would push the
    # last one out of view on a laptop's screen.
    key = ("| `PRIVATE_KEY` | yes | PEM text | the site's own private key (the vendor holds "
           "its public half: `manage.py feedback_sso_public_key`); instead of `SECRET` |"
           if spec.token.uses_key_pair else
           "| `SECRET` | yes | text | the vendor's shared SSO secret (see below) |")
    rows = ["| key | required | value | what it is |", "|---|---|---|---|", key]
    rows += [_option_row(option) for option in spec.options]
    lines = ["\n".join(rows), "",
             "Every block also takes `VENDOR`, `LIFETIME`, `ALLOW_STAFF`, `CLAIMS`, `CLASS` "
             "and `SPEC` ([settings reference](../settings.md)). Example:", "",
             "```python", _example(spec), "```"]
    return "\n".join(lines)


def _option_row(option: VendorOption) -> str:
    kind = _KINDS[option.kind]
    if option.choices:
        kind += " " + ", ".join(f"`{choice}`" for choice in option.choices)
    notes = [option.help]
    if option.claim:
        notes.append(f"Sent as the claim `{option.claim}`.")
    if option.spec_fields:
        notes.append("Replaces " + ", ".join(f"`{name}`" for name in option.spec_fields) + ".")
    if option.default:
        inferred = " (inferred: W005 until set)" if option.inferred else ""
        notes.append(f"Default: `{option.default}`{inferred}.")
    required = "yes" if option.required else "no"
    return f"| `{option.name}` | {required} | {kind} | {' '.join(notes)} |"


def _example(spec: VendorSpec) -> str:
    """A settings block with the secret from the environment and every required option."""
    key = "PRIVATE_KEY" if spec.token.uses_key_pair else "SECRET"
    values = [f'"{key}": env("{spec.id.upper()}_SSO_{key}")']
    values += [f'"{option.name}": "…"' for option in spec.options if option.required]
    lines = "".join(f"    {value},\n" for value in values)
    return f'FEEDBACK_SSO["VENDORS"]["{spec.id}"] = {{\n{lines}}}'


# Claims ---------------------------------------------------------------------------------


def _claims(spec: VendorSpec) -> str:
    rows = ["| claim | value from | required | the vendor accepts |", "|---|---|---|---|"]
    named = [*spec.claims.names, *(c for c in spec.claims.rules if c not in spec.claims.names)]
    named += [option.claim for option in spec.options
              if option.claim and option.claim not in named]
    named += [claim for claim in spec.claims.required
              if claim not in named and claim not in spec.token.time_claims]
    rows += [_claim_row(spec, claim) for claim in named]
    return "\n".join(["\n".join(rows), "", *_token_facts(spec)])


def _claim_row(spec: VendorSpec, claim: str) -> str:
    option = next((o for o in spec.options if o.claim == claim), None)
    if claim in spec.claims.names:
        source = _SOURCES[spec.claims.names[claim]]
    elif option is not None:
        source = f"the `{option.name}` option"
    else:
        source = "`CLAIMS` or the `USER_CLAIMS` hook"
    if claim in spec.claims.roles:
        source += "; grants rights at the vendor, so never a user field (W006)"
    if claim in spec.claims.required:
        required = "yes"
    elif claim in spec.claims.required_any:
        required = "one of " + ", ".join(f"`{name}`" for name in spec.claims.required_any)
    else:
        required = "no"
    rule = spec.claims.rules.get(claim)
    accepts = _accepts(rule) if rule else "any value"
    return f"| `{claim}` | {source} | {required} | {accepts} |"


def _accepts(rule: ClaimRule) -> str:
    names = {"str": "a string", "int": "an integer", "float": "a number", "bool": "a boolean",
             "dict": "an object", "list": "a list"}
    parts = [" or ".join(names.get(kind.__name__, kind.__name__) for kind in rule.types)]
    if rule.pattern:
        parts.append(f"matching `{rule.pattern}`")
    if rule.choices:
        parts.append("one of " + ", ".join(f"`{choice}`" for choice in rule.choices))
    if rule.minimum is not None or rule.maximum is not None:
        parts.append(f"from {rule.minimum:g} to {rule.maximum:g}" if rule.minimum is not None
                     and rule.maximum is not None else
                     f"at least {rule.minimum:g}" if rule.minimum is not None else
                     f"at most {rule.maximum:g}")
    if rule.normalize:
        parts.append("derived values are made to fit")
    return ", ".join(parts)


_KEYS = {"text": "`SECRET`'s text (its UTF-8 bytes)",
         "hex": "the bytes `SECRET`'s hex digits spell"}


def _token_facts(spec: VendorSpec) -> list[str]:
    token = spec.token
    if token.kind == "identity_hash":
        return [f"- **Signature**: the lowercase-hex HMAC-SHA{token.algorithm[2:]} of "
                f"`{token.hashed_claim}`, keyed with {_KEYS[token.key_encoding]}; the other "
                "claims travel beside it unsigned.",
                "- **Lifetime**: none: the hash stays the same for a user until `SECRET` "
                "changes."]
    if token.kind == "discourse_connect":
        return ["- **Signature**: DiscourseConnect: `sso` is the claims as a URL query string, "
                "base64-encoded; `sig` the hex HMAC-SHA256 of `sso` with `SECRET`.",
                "- **Lifetime**: none in the payload; it carries the `nonce` of the forum's "
                "request, which the forum accepts once."]
    default = int(spec.token.default_lifetime.total_seconds())
    maximum = (f"at most {int(spec.token.max_lifetime.total_seconds())} s (the vendor's limit; "
               "a longer `LIFETIME` is check E008)" if spec.token.max_lifetime
               else "no documented maximum")
    facts = [f"- **Algorithm**: {spec.token.algorithm}.",
             f"- **Lifetime**: {default} s by default, {maximum}.",
             "- **Registered claims**: " + ", ".join(f"`{c}`" for c in spec.token.time_claims)
             + ", set by the app; hooks and `CLAIMS` can't."]
    required = [claim for claim in spec.claims.required if claim in spec.token.time_claims]
    if required:
        facts.append("- **The vendor requires** " + ", ".join(f"`{c}`" for c in required) + ".")
    if spec.token.rejects_reused_jti:
        facts.append("- **Replay**: the vendor refuses a `jti` it has seen; each token has a "
                     "fresh one.")
    header = ", ".join(f"`{name}` from `{option}`"
                       for name, option in spec.token.header_options.items())
    facts.append(f"- **JWT header**: `alg`, `typ`{', ' + header if header else ''}.")
    return facts


# Delivery -------------------------------------------------------------------------------


def _delivery(spec: VendorSpec) -> str:
    facts = [f"- **Template tag**: {_tag(spec)}; the template is `{spec.snippet_template}` "
             "(override it in your templates directory).",
             f"- **Redirect view**: {_redirect(spec)}.",
             f"- **Token endpoint**: `/feedback-sso/{spec.id}/token/` answers a fresh token "
             "as JSON ([the endpoint](../endpoint.md))."]
    if spec.delivery.script_url_option:
        param = (f", with the token as `?{spec.delivery.script_token_param}=`"
                 if spec.delivery.script_token_param else "")
        facts.append(f"- **Loader script**: from `{spec.delivery.script_url_option}`{param}.")
    if spec.widget.page_globals:
        facts.append("- **Page globals**: " + ", ".join(f"`{g}`" for g in spec.widget.page_globals)
                     + ": one configuration of this vendor per page.")
    call = spec.widget.sign_out_call
    facts.append("- **Sign-out**: " + (
        f"the next page calls `{sign_out_js(call)}`"
        if call else "no documented call; the widget may remember the user")
        + " ([sign-out](../signout.md)).")
    return "\n".join(facts)


def _tag(spec: VendorSpec) -> str:
    if spec.redirect.handshake == "oidc_implicit":  # the vendor's portal starts the sign-in
        return "the vendor's snippet: a link to its portal, whose sign-in starts the round trip"
    return {"token": "the vendor's snippet with a fresh token",
            "link": "a link through the redirect view",
            "on_demand": "the vendor's snippet, whose script fetches tokens on demand",
            }[spec.snippet_kind]


def _redirect(spec: VendorSpec) -> str:
    if spec.redirect.handshake == "discourse_connect":
        return (f"`/feedback-sso/{spec.id}/redirect/?sso=…&sig=…` answers the forum's signed "
                "request with a 302 to its `return_sso_url` (on `PORTAL_URL`'s host only); "
                "without `sso` and `sig` it sends the user to the forum's `/session/sso`, "
                "which starts the round trip (`next` goes along as `return_path`)")
    if not spec.redirect.sso_url_option:
        return "none (a 404): the vendor takes tokens only in the page"
    url = f"`/feedback-sso/{spec.id}/redirect/`"
    redirect = spec.redirect
    if redirect.handshake == "oidc_implicit":
        return (f"{url} answers the vendor's own request (its `nonce` and `state`) with a 302 "
                f"to `{redirect.sso_url_option}` with `?state=…&{redirect.token_param}=`, the "
                "token echoing the nonce; without a nonce nothing is issued")
    if redirect.method == "post":
        how = f"a page whose form POSTs `{redirect.token_param}` to `{redirect.sso_url_option}`"
    else:
        how = f"a 302 to `{redirect.sso_url_option}` with `?{redirect.token_param}=`"
    returns = {"none": "return targets are not used",
               "target": "a return target on the portal gets the token instead",
               "param": f"a return target goes along as `{redirect.return_param}`",
               }[redirect.return_mode]
    return f"{url} answers {how}; {returns}"


# Vendor-initiated sign-in ----------------------------------------------------------------


def _vendor_initiated(spec: VendorSpec) -> str:
    if spec.redirect.handshake == "discourse_connect":
        return (f"- **Your discourse connect url**: `https://yoursite/feedback-sso/{spec.id}/"
                "redirect/` (your configuration id in place of the vendor's, if it differs).\n"
                "- **Answered to**: the `return_sso_url` in the signed request, only on "
                "`PORTAL_URL`'s host.")
    if not spec.redirect.sso_url_option:
        return "None: without a redirect view there is no URL to paste."
    facts = [f"- **Your SSO URL**: `https://yoursite/feedback-sso/{spec.id}/redirect/` (your "
             "configuration id in place of the vendor's, if it differs)."]
    if spec.redirect.return_mode == "none":
        facts.append("- **Return target**: none; users land where the vendor's SSO URL takes "
                     "them.")
    else:
        incoming = ", ".join(f"`{name}`"
                             for name in ("next", *spec.redirect.incoming_return_params))
        facts.append(f"- **Return target read from**: {incoming}, kept only on the vendor's "
                     "hosts ([the redirect view](../redirect.md)).")
    if spec.redirect.passthrough_params:
        facts.append("- **Passed back as sent** (plain values only): " + ", ".join(
            f"`{name}`" + (" (only if it is one of the vendor's hosts)"
                           if name in spec.redirect.host_passthrough_params else "")
            for name in spec.redirect.passthrough_params) + ".")
    return "\n".join(facts)


# Checks ---------------------------------------------------------------------------------


def _checks(spec: VendorSpec) -> str:
    secret = ("`PRIVATE_KEY` (E020, E021)" if spec.token.uses_key_pair
              else "`SECRET` (E004, W001)")
    rows = ["| check | for this vendor |", "|---|---|"]
    rows += [f"| `feedback_sso.{check}` | {why} |" for check, why in _check_reasons(spec)]
    return "\n".join([*rows, "", "Besides the checks every configuration has "
                      f"([system checks](../checks.md)): {secret}, unknown keys "
                      "(E006), `LIFETIME` (E007), `CLAIMS` against the claim rules (E012)."])


def _check_reasons(spec: VendorSpec) -> list[tuple[str, str]]:
    def names(options: list[VendorOption]) -> str:
        return ", ".join(f"`{option.name}`" for option in options)

    found = []
    required = [option for option in spec.options if option.required]
    if required:
        found.append(("E005", f"{names(required)} missing"))
    if spec.token.max_lifetime:
        found.append(("E008", f"`LIFETIME` above {int(spec.token.max_lifetime.total_seconds())} s"))
    urls = [option for option in spec.options if option.kind in ("url", "base_url")]
    if urls:
        found.append(("E009", f"{names(urls)} not an https URL"))
    checked = [option for option in spec.options
               if option.kind in ("choice", "digits", "param", "hosts")]
    if checked:
        found.append(("E012", f"{names(checked)} with an invalid value"))
    inferred = [option for option in spec.options if option.inferred]
    if inferred:
        found.append(("W005", f"{names(inferred)} left to an inferred default"))
    if spec.claims.roles:
        claims = ", ".join(f"`{claim}`" for claim in sorted(spec.claims.roles))
        found.append(("W006", f"{claims} given to every user"))
    return found


def write(directory: Path) -> list[Path]:
    """Write ``<id>.md`` for every built-in vendor into ``directory``; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in builtin_specs().values():
        path = directory / f"{spec.id}.md"
        path.write_text(generated_page(spec))
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/vendors/_generated")
    for path in write(target):
        print(path)
