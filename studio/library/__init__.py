"""The SQLite store of games and their versions."""
