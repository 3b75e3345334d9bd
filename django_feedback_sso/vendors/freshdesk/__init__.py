"""Freshworks (Freshdesk): everything about this one vendor (spec.py, its templates, its contract)."""
