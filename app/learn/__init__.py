"""The students' learning area."""
