"""Channel Talk's contract as its documents state it: the generated tests' fixture."""

# crypto.createHmac('sha256', Buffer.from(secretKey, 'hex')).update(memberId).digest('hex').
DOCUMENTED = {
    "source": "https://developers.channel.io/docs/member-hash",
    "kind": "identity_hash",
    "hashed": "memberId",
    "key_encoding": "hex",
    "required": ("memberId",),
    # ChannelIO('boot', {pluginKey, memberId, memberHash, profile: {name, email}}).
    "identity": {"memberId": "user_id", "name": "display_name", "email": "email"},
    "widget": "boot",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PLUGIN_KEY": "1e2a3b4c-5d6e-7f80-91a2-b3c4d5e6f708",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the hash, IDENTITY.<claim> the
#: identity it signs; neither is there for a visitor who gets no hash.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "channelio",
                "data-plugin-key": "{PLUGIN_KEY}",
                "data-widget-src": "https://cdn.channel.io/plugin/ch-plugin-web.js",
                "data-member-id": "IDENTITY.memberId", "data-name": "IDENTITY.name",
                "data-email": "IDENTITY.email", "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret: Channel's secret keys are hex (the key is the bytes it spells).
TEST_SECRET = "059e26ea13434fd3c9923827664eaf9dd1e992b770f78a53c8814f1e568ad6bf"
