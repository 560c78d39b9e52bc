"""Bundled sample articles (written for touzi, made-up projects) used by `touzi demo`."""
