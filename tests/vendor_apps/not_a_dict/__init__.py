"""An app whose VENDORS is a list."""
