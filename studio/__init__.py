"""Minigame Studio: the app (window, model pipeline, library)."""
