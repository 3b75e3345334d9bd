"""Channel Talk (Channel.io): everything about this one vendor (spec, templates, contract)."""
