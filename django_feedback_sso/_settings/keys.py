"""``PRIVATE_KEY``: the site's own signing key, for vendors that hold its public half.

A private key is a secret like ``SECRET``: no message here quotes it, whatever it is (a
malformed PEM says what is wrong with its shape, never what it holds), and nothing raised
from loading it escapes with the key in a frame's locals.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping
from typing import Any

from ..vendors import Vendor
from .collector import Collector, type_name

#: What ``pip install`` adds the key-pair algorithms with (PyJWT needs ``cryptography``).
KEYS_EXTRA = 'django-feedback-sso[keys]'
#: NIST SP 800-57 / RFC 7518 §3.3: RS256 keys of 2048 bits or more.
MIN_RSA_BITS = 2048
_PEM = re.compile(r"-----BEGIN ([A-Z ]+)-----")


def read_private_key(vendor: Vendor, block: Mapping[str, Any], found: Collector) -> str:
    """The ``PRIVATE_KEY`` PEM if it loads as the key the vendor's algorithm needs, else ``""``
    and an E020/E021 problem."""
    algorithm = vendor.spec.token.algorithm
    if "SECRET" in block:
        found.add("E020", f"{found.key('SECRET')}: {vendor.name} takes no shared secret; it "
                  f"checks an {algorithm} signature made with the site's own key pair.",
                  "Remove SECRET and set PRIVATE_KEY to the private key (PEM) read from the "
                  "environment; `manage.py feedback_sso_public_key` prints the public key "
                  f"to give {vendor.name}.")
    value = block.get("PRIVATE_KEY")
    variable = re.sub(r"[^A-Z0-9]+", "_", str(found.config_id).upper())
    read = (f"read from the environment (e.g. env('{variable}_SSO_PRIVATE_KEY') with "
            "django-environ, or a file outside the repository), never committed")
    if not isinstance(value, str) or not value.strip():
        what = ("is missing or empty" if value is None or isinstance(value, str)
                else f"must be a string, not {type_name(value)}")
        found.add("E020", f"{found.key('PRIVATE_KEY')} {what}.",
                  f"Set it to a PEM {_key_type(algorithm)} private key, {read}. "
                  f"Generate one with: {_generate(algorithm)}")
        return ""
    if importlib.util.find_spec("cryptography") is None:
        found.add("E021", f"{found.key('PRIVATE_KEY')}: signing {algorithm} for {vendor.name} "
                  "needs the cryptography package, which is not installed.",
                  f'Install it with: pip install "{KEYS_EXTRA}"')
        return ""
    problem = _key_problem(value, algorithm)
    if problem:
        found.add("E020", f"{found.key('PRIVATE_KEY')} {problem}.",
                  f"Set it to an unencrypted PEM {_key_type(algorithm)} private key ("
                  f"-----BEGIN PRIVATE KEY-----), {read}. Generate one with: "
                  f"{_generate(algorithm)}")
        return ""
    return value


def _key_problem(pem: str, algorithm: str) -> str | None:
    """What is wrong with ``pem`` as the ``algorithm`` signing key; ``None`` if nothing.

    Every message describes; none quotes (the value is the key, or a typo of it).
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    labels = _PEM.findall(pem)
    if not labels:
        return "is not PEM text (no -----BEGIN …----- line)"
    if "PUBLIC KEY" in labels[0] or labels[0] == "CERTIFICATE":
        return f"is a {labels[0].lower()}, not a private key"
    if "ENCRYPTED" in labels[0]:
        return "is encrypted with a passphrase, which the app can't type in"
    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except Exception as exc:  # ValueError, TypeError, UnsupportedAlgorithm …
        failure = type(exc).__name__
    else:
        failure = ""
    if failure:
        return f"does not load as a PEM private key ({failure})"
    if algorithm == "RS256":
        if not isinstance(key, rsa.RSAPrivateKey):
            return f"is a {_kind(key)} key; RS256 signs with an RSA key"
        if key.key_size < MIN_RSA_BITS:
            return f"is a {key.key_size}-bit RSA key; RS256 needs {MIN_RSA_BITS} bits or more"
    elif algorithm == "ES256":
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            return f"is a {_kind(key)} key; ES256 signs with an elliptic-curve key"
        if key.curve.name != "secp256r1":
            return f"is on the {key.curve.name} curve; ES256 signs on P-256 (secp256r1)"
    return None


def _kind(key: Any) -> str:
    name = type(key).__name__.lower()
    for kind in ("rsa", "ellipticcurve", "ed25519", "ed448", "dsa", "dh"):
        if kind in name:
            return {"ellipticcurve": "elliptic-curve"}.get(kind, kind.upper())
    return "different"


def _key_type(algorithm: str) -> str:
    return "RSA (2048 bits or more)" if algorithm == "RS256" else "P-256 elliptic-curve"


def _generate(algorithm: str) -> str:
    if algorithm == "RS256":
        return "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048"
    return "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256"
