"""HTTP API, CLI and the composition root."""
