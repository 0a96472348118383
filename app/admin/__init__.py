"""Administration: schools and staff accounts, password resets, deactivation."""
