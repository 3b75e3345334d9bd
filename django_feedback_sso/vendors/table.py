"""Vendor tables generated from the registry (tests keep the committed copies equal).

    python -m django_feedback_sso.vendors.table             # docs/vendors/index.md
    python -m django_feedback_sso.vendors.table readme      # README.md's vendor list
    python -m django_feedback_sso.vendors.table sign-out    # docs/signout.md
    python -m django_feedback_sso.vendors.table --write     # all three (and the docs'
                                                            # vendor toctree), in place
"""

from __future__ import annotations

from pathlib import Path

from .docs import page_url
from .folders import builtin_specs
from .parts import sign_out_js
from .spec import VendorSpec

#: How each kind of signature shows in the tables (a JWT's algorithm is shown as it is).
_KINDS = {"identity_hash": "identity hash", "discourse_connect": "DiscourseConnect"}
_HANDSHAKES = {"discourse_connect": "answers the forum's signed request",
               "oidc_implicit": "answers the vendor's `nonce` and `state`"}


def _signature(spec: VendorSpec) -> str:
    """``HS256 JWT``, ``RS256 JWT (key pair)``, ``identity hash (HMAC of `email`)`` …"""
    token = spec.token
    if token.kind == "identity_hash":
        return f"identity hash (HMAC-SHA256 of `{token.hashed_claim}`)"
    if token.kind != "jwt":
        return _KINDS[token.kind]
    return f"{token.algorithm} JWT" + (" (key pair)" if token.uses_key_pair else "")


def _lifetime(spec: VendorSpec) -> str:
    if not spec.token.expires:
        return "— (no expiry)"
    default = int(spec.token.default_lifetime.total_seconds())
    longest = spec.token.max_lifetime
    maximum = f"{int(longest.total_seconds())} s" if longest else "none"
    return f"{default} s / {maximum}"


def _delivery(spec: VendorSpec) -> str:
    signed = "identity hash" if spec.token.kind == "identity_hash" else "token"
    parts = [{"token": f"tag: snippet with {signed}", "link": "tag: link",
              "on_demand": "tag: snippet, tokens fetched on demand"}[spec.snippet_kind]]
    redirect = spec.redirect
    if redirect.handshake:
        parts.append(f"redirect: {_HANDSHAKES[redirect.handshake]}")
    elif redirect.sso_url_option and redirect.method == "post":
        parts.append(f"redirect: POST form, `{redirect.token_param}` to "
                     f"`{redirect.sso_url_option}`")
    elif redirect.sso_url_option:
        parts.append(f"redirect: `?{redirect.token_param}=` on `{redirect.sso_url_option}`")
    return "; ".join(parts)


def markdown_table() -> str:
    """One row per built-in vendor: id, claims, lifetime, options, delivery, docs."""
    rows = [
        "| id | vendor | signature | claims (from the user) | required claims "
        "| lifetime default / max | required options | delivery | docs |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for spec in builtin_specs().values():
        claims = ", ".join(f"`{claim}`←{source}" for claim, source in spec.claims.names.items())
        required = ", ".join([*(f"`{name}`" for name in spec.claims.required),
                              *([" or ".join(f"`{name}`" for name in spec.claims.required_any)]
                                if spec.claims.required_any else [])])
        options = ", ".join(f"`{name}`" for name in spec.required_options) or "—"
        rows.append(f"| `{spec.id}` | [{spec.name}]({spec.id}.md) | {_signature(spec)} "
                    f"| {claims} | {required} "
                    f"| {_lifetime(spec)} | {options} | {_delivery(spec)} "
                    f"| [docs]({spec.docs_url}) |")
    return "\n".join(rows)


def readme_vendor_list() -> str:
    """One row per built-in vendor for the README, linking its page of the documentation."""
    rows = ["| vendor | id | signature | delivery |", "|---|---|---|---|"]
    rows += [f"| [{spec.name}]({page_url(spec.id)}) | `{spec.id}` | {_signature(spec)} "
             f"| {_delivery(spec)} |" for spec in builtin_specs().values()]
    return "\n".join(rows) + "\n\n" + _inferred()


def _inferred() -> str:
    """The defaults no vendor document confirms (options marked ``inferred``), by vendor."""
    listed = [f"{spec.name} " + ", ".join(f"`{option.name}`" for option in spec.options
                                          if option.inferred)
              for spec in builtin_specs().values()
              if any(option.inferred for option in spec.options)]
    return ("**Inferred defaults**: no vendor document confirms these, so each is an option "
            "you can set (check `feedback_sso.W005` asks you to, where a token relies on "
            "it): "
            + "; ".join(listed) + ". Every other detail, with its source and confidence "
            "(H, M or L), is on the vendor's page under \"Confidence and sources\".")


def sign_out_table() -> str:
    """Which built-in vendors' widgets can be told to forget a user who signed out."""
    rows = ["| vendor | after sign-out, the next page calls |", "|---|---|"]
    for spec in builtin_specs().values():
        call = spec.widget.sign_out_call
        how = f"`{sign_out_js(call)}`" if call else "nothing: no documented way"
        rows.append(f"| {spec.name} | {how} |")
    return "\n".join(rows)


def toctree() -> str:
    """The docs' vendor index toctree: a page per built-in vendor."""
    return "```{toctree}\n:maxdepth: 1\n\n" + "\n".join(builtin_specs()) + "\n```"


#: File (from the checkout's root) -> (start marker, end marker, table), for ``--write``.
TARGETS = {
    "README.md": [("<!-- vendor-list:start", "<!-- vendor-list:end", readme_vendor_list)],
    "docs/vendors/index.md": [("<!-- vendor-table:start", "<!-- vendor-table:end",
                               markdown_table), ("", "", toctree)],
    "docs/signout.md": [("<!-- sign-out-table:start", "<!-- sign-out-table:end",
                         sign_out_table)],
}


def write(root: Path) -> None:
    """Replace every generated table under ``root`` (a checkout) with a fresh one."""
    for name, parts in TARGETS.items():
        path = root / name
        text = path.read_text()
        for start, end, table in parts:
            if not start:  # the toctree: the whole fenced block
                begin = text.index("```{toctree}")
                text = text[:begin] + table() + text[text.index("```\n", begin + 3) + 3:]
                continue
            body = text.index("\n", text.index(start)) + 1
            text = text[:body] + table() + "\n" + text[text.index(end):]
        path.write_text(text)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--write"]:
        write(Path.cwd())
    else:
        tables = {"sign-out": sign_out_table, "readme": readme_vendor_list}
        print(tables.get(sys.argv[1] if len(sys.argv) > 1 else "", markdown_table)())
