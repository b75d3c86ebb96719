"""Exports that play a game outside the studio: one standalone script, or a pygbag folder for the web."""
