"""The audit log: one row per issued token (optional app).

Add ``"django_feedback_sso.audit"`` to ``INSTALLED_APPS`` and migrate. Each token minted
through any surface (tag, endpoint, redirect, REST framework view, command, project code)
records the configuration id, the user, ``jti``, issue and expiry times, the surface and
the request path, from the ``token_issued`` signal. Never the token, never the secret.
``manage.py feedback_sso_purge_audit`` deletes rows older than
``FEEDBACK_SSO['AUDIT_RETENTION']``.
"""
