"""Freshworks (Freshdesk): everything about this one vendor (spec, templates, contract)."""
