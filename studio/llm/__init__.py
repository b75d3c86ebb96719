"""The model client: the only package that imports openai."""
