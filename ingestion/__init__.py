"""Ingestion: everything that turns outside data (documents, feeds, demo generators) into domain models."""
