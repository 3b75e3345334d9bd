"""A hook module that fails on import, the way a project's module with a bug does."""

raise RuntimeError("this module has a bug at import time")
