"""One module per feature page; the main window only hosts them."""
