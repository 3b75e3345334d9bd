"""The demo accounts. Their passwords are printed on purpose: this is a local demo."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    email: str
    is_staff: bool = False


DEMO_USERS = (
    # A display name that breaks out of a <script>, an attribute and HTML if anything on
    # the way (snippet, endpoint, sandbox, stand-in widgets) forgets to escape it.
    DemoUser("zoe", "zoe-demo-password", 'Zoë "</script><b>',
             '<img src=x onerror="window.__xss=1;alert(1)">', "zoe@example.com"),
    # Staff are refused tokens by default: every vendor shows them anonymous.
    DemoUser("staff", "staff-demo-password", "Sam", "Staff", "staff@example.com",
             is_staff=True),
)
