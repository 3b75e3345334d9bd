"""Freshworks (Freshdesk)'s contract as its documents state it: the generated tests' fixture."""

# supportsandbox.freshdesk.com 11000000028109 "These are the parameters that may be passed
# in the payload": sub (Required), email (Required), iat (Required); header RS256/JWT.
DOCUMENTED = {
    "source": "https://supportsandbox.freshdesk.com/support/solutions/articles/11000000028109-setting-up-the-id-token",
    "required": ("sub", "email", "iat"),
    "algorithm": "RS256",
    "identity": {"sub": "user_id", "email": "email"},
    # "${redirect_uri}?state=${state}&id_token=${jwt_token}", the redirect_uri being the
    # Redirect URL of the org's JWT SSO settings (https://<org>.freshworks.com/sp/OIDC/<id>/implicit).
    "sso_url": "{SSO_URL}",
    "token_param": "id_token",
    "portal": "{PORTAL_URL}",
    # SP-initiated: Freshworks sends state and nonce; the token echoes the nonce, the
    # answer the state (11000000028132, "Invalid state param or nonce param sent by IDP").
    "handshake": "oidc_implicit",
}

#: A configuration as a project writes it (less PRIVATE_KEY): the tests' and the demo's.
EXAMPLE = {
    "SSO_URL": "https://acme.freshworks.com/sp/OIDC/302836020429100183/implicit",
    "PORTAL_URL": "https://acme.freshdesk.com/support/login",
}

#: The tag with EXAMPLE: a link to the portal, whose sign-in starts the round trip.
SNIPPET = [
    ("a", {"href": "{PORTAL_URL}", "class": "feedback-sso-link",
           "data-feedback-sso": "freshdesk"}, "Open Freshworks (Freshdesk)"),
]

#: FOR THE TESTS ONLY, NEVER FOR A SITE: a 2048-bit RSA key generated once
#: (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048) and published here, so
#: anyone can sign as its holder. The tests' PRIVATE_KEY, as TEST_SECRET is the others'.
TEST_PRIVATE_KEY = """\
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCKBmEzN9ke5PkX
OxSA7NeRO/BBZRM5lJQS8KhTfQ06LCXq5pnZwa+LdLnfrZ+y5g7Xp/jyxUF4/Ndf
PMukb9nfd+zGmniy36RAyWD+UeZ3fCxbPpAt1G/RfL+SMI853k4N3bxlSMSU2i+v
Rvf6FsKOdBH+gJM2vQp0+eDyqnpz6/p/1V5xtBC/k6FcMEYFrurg4gOVoERXL5X3
jBbWRHaTP3SFMh8TAcgTIbol/Vfr+xIAiibfpXV66CowLEgT7vfLF6r7NfKG3yeh
bVYdKG1BZ5EwPwg/aU8a7SbkgLGb1PC5I1y4MovbQJruVabDsk+2hXNeV7Jdnfw6
W1ETQ4uzAgMBAAECggEAA0o+o+QSEq3zkA2yTJZuAay+P9jNxK1u0CVuEGYRMXtJ
lhf+v9WMPn8+9P7O/oqEUmNTHaT9DV9oL4F5UIdIArnO6jcBZzDJ2gTS1o0Tjh08
Hhqs1iLTsth4j96vc0+CEyDfc5dF9E8KcZuin+f4pZZNCCt+wYBvu4pp8G7cMgom
J5j4vjN0BVlVBpwjsNMqNs+2Et0uIodx0nYMQL6pMJQqATWnqhoXTOAbYEZYQm9d
JCvqXsZ/vrc2p3h2nPcXAp8m1vXIpPH4f168rFTdmk8qLDbwOYeLz/tZVW7NDjH/
7yV8xzUHubop3cWL/777F6y1E9WNs5Sctt26iYA6LQKBgQDAM4uJlxWUi5c3YvtM
stc1Na4f8sf4dEYGCsRNX4Kw0PwxdmdgiPmfZo0SbYH2G/J4QXfl+HuSQFn2h/2K
qdBTYlvKcKJ6oLnpjyvphEek/n7pDhzoYky12HP6rKi+N2YawMdbAWhJvFF7f+Ph
z/SYugdPQyBNLuiyI8K52tXunwKBgQC31ybXzYEWfxeVRfSMkjQ17p9GAN4WPNbg
phb1R6EzDS1z8MbU+au43L9wn5dmKgIPdRmKA7oDJi/pvxsWp/n+LYxqEZa6jv/x
Z2eglsTFOnPmGQwe28Gejb9XaFsUd+XQrMVx/bmG2fz7cbV1wKSIJa97D/8uJzNQ
yIvaBDfObQKBgEw/ZpjT3hTK99daJhV8UVHjlMtJ1jjjb7AP72Y+gKtCjPnWXhZ2
4Ihy934bAVawKZW5ayZJWERh0Q6zTksHKQUbXQzHeD2rq3VTffkqp/11lMVB+wfZ
j1MIpqIIgvzLH293kN6yhTvTQIP87Vt00zUPf7zbBWJ5PIkHFMYEYaBDAoGBAJQN
ble/RaWDZs+tjdujZu7EJHrw+eo4xugWekjAjf6aLy+/CbG8/GGdTYN60yfQzuX5
7T5r7+LXXyDE6iDd2IOt1PYbAiNuRIr6NsdqhD896ta090Dmw9BX4W+YODmMsYTT
jxNVPZNvfMBW+8dABIEssFzQLjbSFQ6K464JVZQlAoGAW397i4f+XtM5knJsI78+
I1OsFWmHR6Y5zl5HjfgsfGt1yU1dxXTVMhFgA3rn115OA0Z7yCw+Wa5nnBp71wnq
8X2GVex5Ja560VLARZm0WlqNLKPdqOfoEhKdG2jNIlZfEkw8o6Itz0PjRuD9SvJt
hpmoyiX5hQRGLv5NaN6t/IU=
-----END PRIVATE KEY-----
"""
