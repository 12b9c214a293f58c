"""Reusable widgets, one package per feature."""
