"""An app whose vendors module fails on import."""
