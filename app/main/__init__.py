"""Entry points every visitor shares: the front door, the language switch, the health probe."""
