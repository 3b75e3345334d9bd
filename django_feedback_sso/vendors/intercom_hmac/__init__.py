"""Intercom's identity verification (user_hash): everything about this one vendor."""
