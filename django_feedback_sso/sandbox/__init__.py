"""Offline stand-ins for the seed vendors, for development and tests only.

Add ``"django_feedback_sso.sandbox"`` to ``INSTALLED_APPS``, include
``django_feedback_sso.sandbox.urls`` and point the vendors at it with
:func:`django_feedback_sso.sandbox.vendor_urls.vendor_options`. Never in production: it
shows the claims of any token signed with your secrets. Its views answer 404 while
``DEBUG`` is off, unless ``FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG = True`` (test suites only),
and check ``feedback_sso.E015`` is an error then.
"""
