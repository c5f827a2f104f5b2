"""Kundenportal."""
