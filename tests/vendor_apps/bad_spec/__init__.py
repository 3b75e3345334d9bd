"""An app with a SPEC that does not build."""
