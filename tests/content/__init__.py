"""Tests of app.content: formats, loader, validation, rendering, shipped curriculum."""
