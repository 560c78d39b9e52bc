"""One module per `touzi` command; each exposes `command`, registered in `touzi.cli`."""
