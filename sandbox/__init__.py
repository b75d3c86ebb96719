"""The game runtime: compiler, facade, runner and host. Never imports studio or Qt."""
