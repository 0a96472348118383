"""The teachers' area: their classes and rosters."""
