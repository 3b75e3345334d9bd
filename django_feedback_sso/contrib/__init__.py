"""Integrations with other Django packages, each optional."""
