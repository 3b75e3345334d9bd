"""Benchmarks: django-feedback-sso against the hand-written PyJWT code it replaces.

Run them with ``python3 dev.py bench``; they print one table of ratios to their baselines.
They are measurements, not tests: nothing here asserts a timing.
"""
