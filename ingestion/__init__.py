"""Ingestion: everything that turns outside data (documents, feeds, demo generators) into domain models,
and the event bus (``ingestion.bus``) that carries domain events out to other systems."""
