"""Short-lived SSO tokens for the feedback, helpdesk and chat tools a Django site embeds."""

__version__ = "0.1.0"
