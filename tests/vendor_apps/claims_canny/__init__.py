"""An app that claims a built-in vendor id."""
