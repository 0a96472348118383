"""Data protection: a student's data exported and deleted on request, retention by
pseudonymisation (``officina privacy pseudonymise``), and the audit log page for administrators."""
