"""Chinese language helpers shared by the agents (time expressions; see ADR 0010)."""
