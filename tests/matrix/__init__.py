"""Route × role expectations contributed by each feature area (see README)."""
