"""The curated pygame and stdlib surface a game may import."""
