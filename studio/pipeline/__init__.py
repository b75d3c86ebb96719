"""From a sentence to a running game: prompts, code extraction, repair, versions. No Qt."""
