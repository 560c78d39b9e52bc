"""Site configs shipped with touzi (one TOML file per site; see README.md here)."""
