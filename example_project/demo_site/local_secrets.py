"""Demo secrets: from the environment (or .env) if set, else random ones kept on disk.

A key-pair vendor (Freshworks) signs with a private key instead: :func:`demo_private_key`
generates a 2048-bit RSA key the same way, once, into the same file.

The sandbox verifies tokens with the same settings, so any random secret works offline.
They are written once to ``.demo-secrets.json`` (git-ignored, mode 0600) so sessions and
tokens survive a restart; nothing here is for production.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

STORE = Path(__file__).resolve().parent.parent / ".demo-secrets.json"


def demo_secret(name: str) -> str:
    """``$name`` if set and non-empty, else a random 64-hex-digit secret kept in STORE."""
    if os.environ.get(name):
        return os.environ[name]
    stored = _load()
    if name not in stored:
        stored[name] = secrets.token_hex(32)
        _save(stored)
    return stored[name]


def demo_private_key(name: str) -> str:
    """``$name`` (a PEM private key) if set and non-empty, else a 2048-bit RSA key kept in STORE.

    Needs cryptography (the keys extra), which the example's dependency group installs.
    """
    if os.environ.get(name):
        return os.environ[name]
    stored = _load()
    if name not in stored:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        stored[name] = key.private_bytes(serialization.Encoding.PEM,
                                         serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()).decode()
        _save(stored)
    return stored[name]


def _load() -> dict[str, str]:
    try:
        return dict(json.loads(STORE.read_text()))
    except (FileNotFoundError, ValueError):
        return {}


def _save(values: dict[str, str]) -> None:
    temporary = STORE.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        json.dump(values, file, indent=2)
    temporary.replace(STORE)  # atomic, so the runserver reloader never reads half a file
