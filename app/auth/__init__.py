"""Signing in and out, passwords, and the login session."""
