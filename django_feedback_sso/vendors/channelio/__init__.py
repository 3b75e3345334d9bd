"""Channel Talk (Channel.io): everything about this one vendor (spec.py, its templates, its contract)."""
