"""Use cases the UI and the CLI call. They own transactions; nothing here imports Qt."""
